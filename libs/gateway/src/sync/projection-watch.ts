import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { errorMessage, sleep } from '@atlas/common';
import { PROJECTOR_CHECKPOINT_ID, ProjectorCheckpoint } from '@atlas/read-models';
import { READ_MODEL_STORE } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';

const POLL_MS = 20;

interface Waiter {
  seq: number;
  resolve: () => void;
}

/**
 * How far the read models have applied the log, watched for every event stream of this gateway at once:
 * one read of the projector's checkpoint per interval, only while a stream waits, however many streams
 * are open. A stream waits here before it reads a status, so the status shows the event it answers.
 */
@Injectable()
export class ProjectionWatch implements OnModuleDestroy {
  private position = 0;
  private readonly waiters = new Set<Waiter>();
  private polling = false;
  private closed = false;
  private readonly log = new Logger('ProjectionWatch');

  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  /** Resolves once the projector has applied the event at `seq`; rejects when `signal` aborts first. */
  async reached(seq: number, signal: AbortSignal): Promise<void> {
    if (seq <= this.position) return;
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        seq,
        resolve: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.waiters.delete(waiter);
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(waiter);
      void this.poll();
    });
  }

  onModuleDestroy(): void {
    this.closed = true;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      while (this.waiters.size > 0 && !this.closed) {
        try {
          const checkpoint = await this.store.get<ProjectorCheckpoint>('checkpoints', PROJECTOR_CHECKPOINT_ID);
          this.position = Math.max(this.position, checkpoint?.last_seq ?? 0);
        } catch (error) {
          // The store is unreachable for a moment: the streams wait, as a read would.
          if (!this.closed) this.log.warn(`cannot read the projector's position: ${errorMessage(error)}`);
        }
        for (const waiter of this.waiters) {
          if (waiter.seq > this.position) continue;
          this.waiters.delete(waiter);
          waiter.resolve();
        }
        if (this.waiters.size > 0) await sleep(POLL_MS);
      }
    } finally {
      this.polling = false;
    }
  }
}
