import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage, jobsInProgress } from '@atlas/common';
import type { CrashReason } from './crash-handlers';
import { watchHeap } from './heap-watch';
import { isServiceName } from './service-plans';
import type { HostMessage, ThreadError, ThreadMessage, ThreadStart } from './service-thread-messages';
import { startService } from './start-service';

// A service thread of the all-in-one (service-thread.ts): starts its plan, tells the host what it works on
// and how it failed, and stops when told.
const port = parentPort!;
const start = workerData as ThreadStart;
const post = (message: ThreadMessage) => port.postMessage(message);

function reportCrash(reason: CrashReason, thrown: unknown): void {
  post({ kind: 'crashed', reason, error: threadError(thrown) });
}

function threadError(thrown: unknown): ThreadError {
  if (thrown instanceof Error) return { name: thrown.name, message: thrown.message, stack: thrown.stack ?? null };
  return { name: typeof thrown, message: errorMessage(thrown), stack: null };
}

async function main(): Promise<void> {
  if (!isServiceName(start.service)) throw new Error(`no service plan is called "${start.service}"`);
  process.on('uncaughtException', (error) => reportCrash('uncaught_exception', error));
  process.on('unhandledRejection', (reason) => reportCrash('unhandled_rejection', reason));
  jobsInProgress.onChange((jobs) => post({ kind: 'jobs', jobs }));
  const service = await startService(start.service, {
    env: start.env,
    logDestination: { write: (line: string) => post({ kind: 'log', line }) },
    logService: start.logService,
    onThread: true,
  });
  // This thread's heap is its own: the host's watch does not see it.
  const stopWatching = watchHeap(start.logService);
  port.on('message', (message: HostMessage) => {
    if (message.kind !== 'stop') return;
    stopWatching();
    // Closing drains NATS and the store; then nothing holds the thread's loop and it ends.
    void service.close().finally(() => port.close());
  });
  post({ kind: 'started' });
}

main().catch((error: unknown) => {
  post({ kind: 'start_failed', error: errorMessage(error) });
  port.close();
});
