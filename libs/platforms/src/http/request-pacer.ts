import { sleep } from '@atlas/common';

/**
 * Spaces requests at least `intervalMs` apart, so a client under a strict limit (Slack's one request a
 * minute) waits its turn instead of collecting 429s. The interval can be tightened later, when the
 * platform turns out to be stricter than configured.
 */
export class RequestPacer {
  private nextAt = 0;

  constructor(
    private intervalMs: number,
    private readonly onWait?: (ms: number) => void,
  ) {}

  get interval(): number {
    return this.intervalMs;
  }

  /** Never loosens: a stricter limit seen once is kept for the rest of the fetch. */
  slowTo(intervalMs: number): void {
    if (intervalMs <= this.intervalMs) return;
    this.nextAt += intervalMs - this.intervalMs;
    this.intervalMs = intervalMs;
  }

  async turn(signal?: AbortSignal): Promise<void> {
    const waitMs = this.nextAt - Date.now();
    if (waitMs > 0) {
      this.onWait?.(waitMs);
      await sleep(waitMs, signal);
    }
    this.nextAt = Date.now() + this.intervalMs;
  }
}
