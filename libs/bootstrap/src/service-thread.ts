import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { jobsInProgress } from '@atlas/common';
import type { LogDestination } from '@atlas/runtime';
import type { CrashReason } from './crash-handlers';
import { oldGenerationLimit } from './heap-watch';
import type { ThreadError, ThreadMessage, ThreadStart } from './service-thread-messages';

/** A plan's service running on a worker thread of this process. */
export interface ServiceThread {
  /** Stops the thread's service cleanly (its consumers hand their work back, NATS drains) and ends the thread. */
  close(): Promise<void>;
}

/** What the host does when its thread crashed: the process's crash handling (run-service.ts) ends it. */
export type ThreadCrashHandler = (reason: CrashReason, error: Error) => void;

/** Without a handler (a service started in a test), a thread's crash is thrown, uncaught, on the host. */
const throwCrash: ThreadCrashHandler = (_reason, error) => {
  throw error;
};

/**
 * Starts a service plan on a worker thread: the all-in-one's API keeps its event loop to itself while
 * another thread folds and transforms the event log. The thread connects NATS and the store on its own
 * (SQLite in WAL mode lets the API's thread read while it writes); its log lines are written to this
 * thread's destination, and the jobs it works on join this process's list (for crash lines and the
 * supervisor). Resolves once the thread's consumers run; rejects when its start fails. A thread that
 * crashes later ends the process as a crash on the main thread would: one fatal line, the supervisor
 * restarts the whole, and JetStream redelivers what was not acknowledged.
 */
export function startServiceThread(
  start: ThreadStart,
  options: { logDestination?: LogDestination; onCrash?: ThreadCrashHandler } = {},
): Promise<ServiceThread> {
  const destination = options.logDestination ?? process.stdout;
  const onCrash = options.onCrash ?? throwCrash;
  const worker = new Worker(threadScript(), {
    workerData: start,
    stdout: false,
    stderr: false,
    // The thread's heap gets the process's limit (NODE_OPTIONS=--max-old-space-size), not V8's default.
    resourceLimits: { maxOldGenerationSizeMb: Math.round(oldGenerationLimit() / 2 ** 20) },
  });
  let stopping = false;
  let crashed = false;
  const crash = (reason: CrashReason, error: Error) => {
    if (crashed || stopping) return;
    crashed = true;
    // The thread's jobs stay in the list: the crash line names them.
    onCrash(reason, error);
  };
  const exited = new Promise<void>((resolveExit) => worker.once('exit', () => resolveExit()));
  return new Promise<ServiceThread>((resolveStart, rejectStart) => {
    let started = false;
    worker.on('message', (message: ThreadMessage) => {
      switch (message.kind) {
        case 'log':
          return void destination.write(message.line);
        case 'jobs':
          return jobsInProgress.reportThread(start.service, message.jobs);
        case 'crashed':
          return crash(message.reason, errorFrom(message.error));
        case 'start_failed':
          return rejectStart(new Error(message.error));
        case 'started':
          started = true;
          return resolveStart({
            async close() {
              stopping = true;
              worker.postMessage({ kind: 'stop' });
              await exited;
              jobsInProgress.reportThread(start.service, []);
            },
          });
      }
    });
    // An error the thread could not report itself: it ran out of heap, or died while reporting.
    worker.on('error', (error) => {
      const failed = new Error(`the ${start.service} thread failed: ${error.message}`, { cause: error });
      failed.stack = `${failed.name}: ${failed.message}\n${error.stack?.split('\n').slice(1).join('\n') ?? ''}`;
      if (started) crash('uncaught_exception', failed);
      else rejectStart(failed);
    });
    worker.on('exit', (code) => {
      const error = new Error(`the ${start.service} thread exited with code ${code}`);
      if (!started) rejectStart(error);
      else crash('uncaught_exception', error);
    });
  });
}

function errorFrom(reported: ThreadError): Error {
  const error = new Error(reported.message);
  error.name = reported.name;
  error.stack = reported.stack ?? undefined;
  return error;
}

/**
 * The built thread script. Built code finds it beside itself; the TypeScript sources (as jest runs them)
 * use the build `npm test` makes first, since a worker thread runs JavaScript.
 */
function threadScript(): string {
  const beside = join(__dirname, 'service-thread.worker.js');
  if (existsSync(beside)) return beside;
  const built = resolve(__dirname, '../../../dist/libs/bootstrap/src/service-thread.worker.js');
  if (existsSync(built)) return built;
  throw new Error(`the service thread is not built (${built}): run \`nest build atlas\``);
}
