import { ChildProcess, spawn } from 'node:child_process';
import { connect as netConnect } from 'node:net';
import { freePort } from './free-port';
import { tempDir } from './temp-dir';

/**
 * A nats-server of the suite's own, on a free port with a temporary JetStream folder (the way nats.js's
 * own test harness does it). Never the machine's shared server. `restart()` stops and starts it on the
 * same port and store, which is what a NATS restart looks like to the services.
 */
export class NatsServerFixture {
  private process?: ChildProcess;
  private readonly store = tempDir('jetstream');
  private log = '';

  private constructor(readonly port: number) {}

  static async start(): Promise<NatsServerFixture> {
    const fixture = new NatsServerFixture(await freePort());
    await fixture.startProcess();
    return fixture;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async restart(downMs = 0): Promise<void> {
    await this.stopProcess();
    if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
    await this.startProcess();
  }

  async stop(): Promise<void> {
    await this.stopProcess();
    this.store.remove();
  }

  private async startProcess(): Promise<void> {
    const child = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.store.path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => (this.log += chunk));
    child.stderr?.on('data', (chunk) => (this.log += chunk));
    this.process = child;
    const deadline = Date.now() + 10_000;
    while (!(await this.accepts())) {
      if (child.exitCode !== null) throw new Error(`nats-server exited (${child.exitCode}):\n${this.log}`);
      if (Date.now() > deadline) throw new Error(`nats-server did not start on ${this.port}:\n${this.log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async stopProcess(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  private accepts(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = netConnect(this.port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  }
}
