import { setTimeout as sleep } from 'node:timers/promises';
import type { JetStreamManager } from '@nats-io/jetstream';
import { channelSubject } from '@atlas/events';
import { EventStore, LogEntry, STREAM_NAME } from '@atlas/messaging';
import { AppProcess } from './app-process';
import { eventually } from './atlas-harness';

/** Waits until a worker of `durable` pulls from its consumer: a process that is up and waiting for work. */
export async function whenPulling(jsm: JetStreamManager, durable: string, timeoutMs = 60_000): Promise<void> {
  await eventually(
    async () => {
      const info = await jsm.consumers.info(STREAM_NAME, durable).catch(() => null);
      return (info?.num_waiting ?? 0) > 0 ? true : undefined;
    },
    timeoutMs,
    `a ${durable} worker to pull`,
  );
}

/** Blocks this thread for `ms`: a slice timed by the event loop would stretch while this process works. */
function blockFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Kills a process at a chosen point of a job rather than at a random time: the process runs in short
 * slices (SIGCONT, `sliceMs`, SIGSTOP) and is SIGKILLed, while paused, as soon as `reached` holds.
 */
export async function killWhen(
  app: AppProcess,
  reached: () => Promise<boolean>,
  options: { sliceMs: number; timeoutMs?: number },
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  app.signal('SIGSTOP');
  try {
    while (!(await reached())) {
      if (Date.now() > deadline) throw new Error('the process never reached the point it was to be killed at');
      app.signal('SIGCONT');
      blockFor(options.sliceMs);
      app.signal('SIGSTOP');
    }
  } finally {
    await app.kill('SIGKILL');
  }
}

/**
 * The job's events in the log so far (headers only: type, job and batch). A read that has not finished
 * after a few seconds is abandoned and made again (reads of a busy log through a fresh ordered consumer
 * have been seen to stall).
 */
export async function jobEvents(events: EventStore, channelId: string, jobId: string): Promise<LogEntry[]> {
  for (let attempt = 1; ; attempt++) {
    const abandon = new AbortController();
    const read = (async () => {
      const found: LogEntry[] = [];
      const options = { fromSeq: 1, headersOnly: true, signal: abandon.signal };
      for await (const entry of events.read(channelSubject(channelId), options)) {
        if (entry.jobId === jobId) found.push(entry);
      }
      return abandon.signal.aborted ? null : found;
    })().catch(() => null);
    const timer = sleep(5_000, null, { signal: abandon.signal }).catch(() => null);
    const found = await Promise.race([read, timer]);
    abandon.abort();
    if (found) return found;
    if (attempt === 5) throw new Error(`reading the log of ${channelId} stalled ${attempt} times`);
  }
}
