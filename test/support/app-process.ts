import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EMULATOR_OUTBOUND_ENV } from './outbound-allowances';

const ROOT = join(__dirname, '..', '..');

/** One of the built apps (dist/apps/<name>) running as its own process, as docker-compose runs it. */
export class AppProcess {
  private output = '';
  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk) => (this.output += chunk));
    child.stderr?.on('data', (chunk) => (this.output += chunk));
  }

  /** `entry` is the script in the app's folder: `main`, or `supervised` (the all-in-one under its supervisor). */
  static start(app: string, env: NodeJS.ProcessEnv, entry = 'main'): AppProcess {
    const main = join(ROOT, 'dist', 'apps', app, 'src', `${entry}.js`);
    if (!existsSync(main)) throw new Error(`${main} is missing: build first (npm test runs the build)`);
    return new AppProcess(
      spawn(process.execPath, [main], {
        env: { ...process.env, ...EMULATOR_OUTBOUND_ENV, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
  }

  get log(): string {
    return this.output;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited(): Promise<number | string> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  }

  /** Sends a signal without waiting (SIGSTOP/SIGCONT pause and resume the process). */
  signal(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const ended = this.exited();
    this.child.kill(signal);
    // A paused (SIGSTOP) process handles no other signal until it runs again.
    if (signal !== 'SIGKILL') this.child.kill('SIGCONT');
    await ended;
  }
}
