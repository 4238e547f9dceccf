import { ChildProcess, spawn } from 'node:child_process';
import type { LoggerService } from '@nestjs/common';
import type { JobInProgress } from '@atlas/common';
import { ConfigError, loadConfig } from '@atlas/config';
import { createLogger } from '@atlas/runtime';
import { EXIT_CODE } from './exit-codes';
import { explainExit } from './exit-reason';
import { fatalErrorReportOptions, reportOfProcess } from './fatal-error-reports';
import { oomKillCount } from './oom-kill-count';
import type { SupervisorMessage } from './supervisor-message';

const FIRST_RESTART_DELAY_MS = 1_000;
const LONGEST_RESTART_DELAY_MS = 30_000;
/** A process that ran this long before dying starts the backoff over. */
const STABLE_AFTER_MS = 60_000;
/** How long a stopping process gets before it is killed. */
const STOP_GRACE_MS = 15_000;

/**
 * Runs a service (`node <main>`, with this process's Node options) as a child and keeps it running: when
 * it dies, one line says how (exit code or signal, what that means, the diagnostic report of a fatal V8
 * error, the jobs it was working on) and it is started again, with backoff. Nothing is lost by a
 * restart: every job resumes from the event log (docs/OPERATIONS.md). A child that dies before it was
 * up (a bad configuration) is not restarted: the supervisor exits with its code. SIGTERM and SIGINT are
 * passed on, and the supervisor exits with the child's code once it stopped.
 */
export function supervise(service: string, main: string): void {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(EXIT_CODE.startFailed);
  }
  const log = createLogger(config, `${service}-supervisor`);
  let child: ChildProcess | null = null;
  let stopping: NodeJS.Signals | null = null;
  let restartTimer: NodeJS.Timeout | null = null;
  let failuresInARow = 0;

  const start = () => {
    restartTimer = null;
    const startedAt = Date.now();
    const oomKillsBefore = oomKillCount();
    let ready = false;
    let jobs: JobInProgress[] = [];
    const current = spawn(process.execPath, [...process.execArgv, ...fatalErrorReportOptions(config.dataDir), main], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      // Its own process group: a Ctrl-C in the terminal reaches the supervisor alone, which passes it on
      // once (a second SIGINT would make the child stop at once).
      detached: true,
    });
    child = current;
    current.on('message', (message: SupervisorMessage) => {
      if (message.type === 'atlas:ready') ready = true;
      if (message.type === 'atlas:jobs') jobs = message.jobs;
    });
    current.once('exit', (code, signal) => {
      child = null;
      const oomKillsAfter = oomKillCount();
      const reason = explainExit({
        code,
        signal,
        report: current.pid === undefined ? null : reportOfProcess(config.dataDir, current.pid),
        oomKilled: oomKillsBefore === null || oomKillsAfter === null ? null : oomKillsAfter > oomKillsBefore,
      });
      const fields = {
        reason: reason.kind,
        exit_code: code,
        signal,
        child_pid: current.pid,
        ran_ms: Date.now() - startedAt,
        jobs_in_progress: jobs,
      };
      if (stopping) {
        log.log(`${service} stopped after ${stopping}: ${reason.text}`, { ...fields, stop_signal: stopping });
        process.exit(code ?? EXIT_CODE.stopFailed);
      }
      if (!ready) {
        log.error(`${service} exited before it was up: ${reason.text}; not restarting it`, fields);
        process.exit(code || EXIT_CODE.startFailed);
      }
      failuresInARow = Date.now() - startedAt >= STABLE_AFTER_MS ? 1 : failuresInARow + 1;
      const delay = Math.min(LONGEST_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** (failuresInARow - 1));
      log.error(`${service} exited: ${reason.text}; restarting it in ${delay} ms`, { ...fields, restart_in_ms: delay });
      restartTimer = setTimeout(start, delay);
    });
    current.once('error', (error) => logSpawnFailure(log, service, error));
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = signal;
    if (restartTimer) {
      clearTimeout(restartTimer);
      log.log(`${service} stopped on ${signal} while waiting to restart it`, {
        reason: 'stopped',
        stop_signal: signal,
      });
      process.exit(EXIT_CODE.stopped);
    }
    child?.kill(signal);
    setTimeout(() => child?.kill('SIGKILL'), STOP_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  start();
}

function logSpawnFailure(log: LoggerService, service: string, error: Error): void {
  log.error(`could not start ${service}: ${error.message}`, { reason: 'spawn_failed' });
  process.exit(EXIT_CODE.startFailed);
}
