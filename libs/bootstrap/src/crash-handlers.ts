import { Logger } from '@nestjs/common';
import { jobsInProgress } from '@atlas/common';
import { EXIT_CODE } from '@atlas/supervisor';

export type CrashReason = 'uncaught_exception' | 'unhandled_rejection';

const CRASH_TEXT: Record<CrashReason, string> = {
  uncaught_exception: 'uncaught exception',
  unhandled_rejection: 'unhandled promise rejection',
};
/** How long a crashing process waits for its log line to be written before it exits anyway. */
const FLUSH_TIMEOUT_MS = 2_000;

const log = new Logger('Process');
/** Set once a line already said why the process ends, so the exit hook does not say it twice. */
let endExplained = false;
let crashing = false;
let stopReason: string | null = null;

/**
 * Makes sure the process never ends without a line that says why: an uncaught exception or an
 * unhandled rejection logs one fatal line (error, stack, the jobs in progress) and exits with
 * EXIT_CODE.crashed; any other exit (process.exit, the event loop running dry, a requested stop) logs
 * its code. Fatal V8 errors bypass JavaScript: see heap-watch.ts and @atlas/supervisor.
 */
export function installCrashHandlers(service: string): void {
  process.on('uncaughtException', (error, origin) =>
    crash(service, origin === 'unhandledRejection' ? 'unhandled_rejection' : 'uncaught_exception', error),
  );
  process.on('unhandledRejection', (reason) => crash(service, 'unhandled_rejection', reason));
  process.on('exit', (code) => {
    if (endExplained) return;
    const why = stopReason ?? (code === 0 ? 'nothing left to do' : 'process.exit was called');
    const fields = { reason: 'exit', exit_code: code, jobs_in_progress: jobsInProgress.list() };
    if (code === 0) log.log(`${service} exited with code 0 (${why})`, fields);
    else log.error(`${service} exited with code ${code} (${why})`, fields);
  });
}

/** Ends the process as its own crash would, for one another thread of it reported (service-thread.ts). */
export function crashForThread(service: string, reason: CrashReason, error: Error): void {
  crash(service, reason, error);
}

/** Notes why the process is about to end, for the line the exit hook writes. */
export function noteStopReason(reason: string): void {
  stopReason = reason;
}

function crash(service: string, reason: CrashReason, thrown: unknown): void {
  // A second failure while the first one is being written changes nothing: one crash, one line.
  if (crashing) return;
  crashing = true;
  endExplained = true;
  const error = describeThrown(thrown);
  try {
    log.fatal(
      `${service} crashed on an ${CRASH_TEXT[reason]}: ${error.message}; exiting with code ${EXIT_CODE.crashed}`,
      {
        reason,
        error,
        jobs_in_progress: jobsInProgress.list(),
        exit_code: EXIT_CODE.crashed,
      },
    );
  } catch {
    process.stderr.write(`${service} crashed on an ${CRASH_TEXT[reason]}: ${error.message}\n${error.stack ?? ''}\n`);
  }
  void flushed(FLUSH_TIMEOUT_MS).then(() => process.exit(EXIT_CODE.crashed));
}

function describeThrown(thrown: unknown): { name: string; message: string; stack: string | null } {
  if (thrown instanceof Error) return { name: thrown.name, message: thrown.message, stack: thrown.stack ?? null };
  let message: string;
  try {
    message = typeof thrown === 'string' ? thrown : (JSON.stringify(thrown) ?? String(thrown));
  } catch {
    message = String(thrown);
  }
  return { name: typeof thrown, message, stack: null };
}

/** Resolves once stdout and stderr wrote what they were given, or after timeoutMs. */
function flushed(timeoutMs: number): Promise<void> {
  const drained = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));
  return Promise.race([
    Promise.all([drained(process.stdout), drained(process.stderr)]).then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, timeoutMs)),
  ]);
}
