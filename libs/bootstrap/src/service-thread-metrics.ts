import type { Worker } from 'node:worker_threads';
import { addThreadMetrics, MetricsSnapshot } from '@atlas/metrics';

/**
 * The host's side of a thread's metrics: while the thread runs, each /metrics scrape of this process asks it
 * for its counters (its answer comes back as a `metrics` message). A thread that ended answers nothing more.
 */
export class ServiceThreadMetrics {
  private readonly waiting = new Map<number, (metrics: MetricsSnapshot) => void>();
  private lastId = 0;
  private readonly remove: () => void;

  constructor(private readonly worker: Worker) {
    this.remove = addThreadMetrics(() => this.read());
  }

  answered(id: number, metrics: MetricsSnapshot): void {
    this.waiting.get(id)?.(metrics);
    this.waiting.delete(id);
  }

  /** The thread ended: no more requests, and those waiting get nothing. */
  ended(): void {
    this.remove();
    for (const resolve of this.waiting.values()) resolve([]);
    this.waiting.clear();
  }

  private read(): Promise<MetricsSnapshot> {
    const id = ++this.lastId;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ kind: 'metrics', id });
    });
  }
}
