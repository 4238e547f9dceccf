/** Latencies of requests sent at a fixed rate, whatever the answers' speed (an open loop, as users send them). */
export interface LatencyFigures {
  requests: number;
  p50: number;
  p99: number;
  max: number;
  failed: number;
  /** Why they failed: an HTTP status or an error name, with how often ("503×2, TypeError×1"). */
  failures: string;
}

export class LatencyProbe {
  private readonly latencies: number[] = [];
  /** When each answered request was sent (ms since start) and how long it took: where the slow ones fell. */
  readonly timeline: Array<[sentAt: number, latency: number]> = [];
  private startedAt = 0;
  private failed = 0;
  private readonly failures = new Map<string, number>();
  private readonly pending = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly perSecond: number,
    private readonly headers: Record<string, string> = {},
  ) {}

  start(): void {
    const interval = 1000 / this.perSecond;
    const started = performance.now();
    this.startedAt = started;
    let sent = 0;
    // One tick every few ms sends what the schedule owes, so a late timer does not lower the rate.
    this.timer = setInterval(() => {
      const due = Math.floor((performance.now() - started) / interval);
      for (; sent < due; sent++) this.send();
    }, 5);
  }

  async stop(): Promise<LatencyFigures> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.pending);
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? NaN;
    return {
      requests: sorted.length + this.failed,
      p50: at(0.5),
      p99: at(0.99),
      max: sorted.at(-1) ?? NaN,
      failed: this.failed,
      failures: [...this.failures].map(([why, count]) => `${why}×${count}`).join(', '),
    };
  }

  private fail(why: string): void {
    this.failed++;
    this.failures.set(why, (this.failures.get(why) ?? 0) + 1);
  }

  private send(): void {
    const sent = performance.now();
    const request = fetch(this.url, { headers: this.headers })
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.ok) {
          this.latencies.push(performance.now() - sent);
          this.timeline.push([sent - this.startedAt, performance.now() - sent]);
        } else this.fail(String(response.status));
      })
      .catch((error: unknown) => this.fail(error instanceof Error ? error.name : 'error'))
      .finally(() => this.pending.delete(request));
    this.pending.add(request);
  }
}
