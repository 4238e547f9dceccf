/** How fast a bucket of requests may go, as the platform documents it. Rates are calls a minute. */
export interface RateTier {
  /** The rate the platform promises for the bucket: the learned rate never drops below it. */
  floorPerMinute: number;
  /** A rate never exceeded (a declared limit, which the pacer also starts at), or null: unpaced until a throttle. */
  ceilingPerMinute: number | null;
}

/** After a throttle, the rate is at most this share of what it was. */
const DECREASE = 0.8;
/** Successes in a row that earn one increase; also the fewest a rate is measured from. */
const RUN = 10;
/** One increase, as a share of the tier's floor. */
const INCREASE_SHARE = 0.2;
/** How far back successes count when measuring the rate a throttle came at. */
const MEASURE_WINDOW_MS = 60_000;
/** Successes kept for that measure, at most. */
const MAX_SUCCESSES_KEPT = 1000;
const MINUTE_MS = 60_000;

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort: () => void;
}

/**
 * Paces one bucket of requests (what a platform limits together: a Slack method, a Discord route) by
 * additive increase, multiplicative decrease. Unpaced until the platform first throttles (unless the
 * tier declares a limit); a throttle blocks the bucket until the platform's wait has passed and cuts
 * the rate to what the throttle shows was too fast; every run of successes raises it again. The wait
 * delays the next call only: it never becomes the interval between calls. Turns are given in order,
 * one request at a time: a request goes when the one before was answered, so a wait that answer named
 * holds for it (a request already on its way could not be called back).
 */
export class RequestPacer {
  private rate: number | null;
  private lastSendAt = Number.NEGATIVE_INFINITY;
  /** A request of the bucket is out: the next waits for its answer, which may name a wait for it. */
  private inFlight = false;
  private blockedUntil = 0;
  private run = 0;
  /** When the calls that went through were answered, over the last minute: what the bucket was allowed. */
  private readonly successes: number[] = [];
  private readonly queue: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly tier: RateTier,
    private readonly onWait?: (ms: number) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.rate = tier.ceilingPerMinute;
  }

  /** Calls a minute the bucket is paced to, or null while unpaced. */
  get ratePerMinute(): number | null {
    return this.rate;
  }

  /** When the next call may go (ms since the epoch): after the platform's wait and one interval after the last. */
  get readyAt(): number {
    const interval = this.rate === null ? 0 : MINUTE_MS / this.rate;
    return Math.max(this.blockedUntil, this.lastSendAt + interval);
  }

  /**
   * Resolves when this request may go, and counts it as sent; release() when its answer came (after
   * applying what it said). `first`: a retry, which goes ahead of the requests not sent yet.
   */
  turn(signal?: AbortSignal, first = false): Promise<void> {
    signal?.throwIfAborted();
    const now = this.now();
    if (this.queue.length === 0 && !this.inFlight && now >= this.readyAt) {
      this.sent(now);
      return Promise.resolve();
    }
    // A retry's wait was announced with its reason; a new request learns how long its turn is off.
    if (!first) {
      const interval = this.rate === null ? 0 : MINUTE_MS / this.rate;
      this.onWait?.(Math.max(0, this.readyAt - now) + this.queue.length * interval);
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          reject(signal?.reason);
          // No timer left behind for a queue that emptied.
          this.schedule();
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      if (first) this.queue.unshift(waiter);
      else this.queue.push(waiter);
      this.schedule();
    });
  }

  /**
   * The platform throttled a request: nothing of the bucket goes before `untilMs`, and the rate drops
   * below the one the throttle came at.
   */
  throttled(untilMs: number): void {
    const now = this.now();
    this.blockedUntil = Math.max(this.blockedUntil, untilMs);
    this.run = 0;
    const decreased = Math.min(this.rate === null ? Infinity : this.rate * DECREASE, this.measuredRate(now, untilMs));
    // Too little went through lately to measure, and no pace was set: the wait is all the platform said.
    if (decreased !== Infinity) this.rate = this.bounded(decreased);
    this.schedule();
  }

  /** The request that had its turn was answered (or failed): the next may go, when the pace allows. */
  release(): void {
    this.inFlight = false;
    this.schedule();
  }

  /** Nothing of the bucket goes before `untilMs` (another bucket's throttle that holds for all), the rate unchanged. */
  block(untilMs: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, untilMs);
    this.schedule();
  }

  /** A request went through: after a run of them, the rate goes up by a step. */
  succeeded(): void {
    const now = this.now();
    this.successes.push(now);
    this.forgetOldSuccesses(now);
    this.run += 1;
    if (this.run < RUN || this.rate === null) return;
    this.run = 0;
    this.rate = this.bounded(this.rate + Math.max(1, this.tier.floorPerMinute * INCREASE_SHARE));
  }

  /**
   * The rate the bucket was allowed: the calls that went through in the last minute, over the time from
   * the first of them to the end of the wait. Infinity when too few did to tell.
   */
  private measuredRate(now: number, untilMs: number): number {
    this.forgetOldSuccesses(now);
    if (this.successes.length < RUN) return Infinity;
    return (this.successes.length * MINUTE_MS) / Math.max(1, untilMs - this.successes[0]);
  }

  private bounded(rate: number): number {
    const ceiling = this.tier.ceilingPerMinute ?? Infinity;
    return Math.min(ceiling, Math.max(this.tier.floorPerMinute, rate));
  }

  private sent(now: number): void {
    this.lastSendAt = now;
    this.inFlight = true;
  }

  private forgetOldSuccesses(now: number): void {
    while (
      this.successes.length > MAX_SUCCESSES_KEPT ||
      (this.successes.length > 0 && this.successes[0] < now - MEASURE_WINDOW_MS)
    ) {
      this.successes.shift();
    }
  }

  /** Lets the next waiter go if its turn has come, or sets a timer for when it comes. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length > 0 && !this.inFlight) {
      const now = this.now();
      // Checked against the clock each time: a timer may fire a little early.
      const readyAt = this.readyAt;
      if (now < readyAt) {
        this.timer = setTimeout(() => this.schedule(), Math.ceil(readyAt - now));
        return;
      }
      const waiter = this.queue.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.sent(now);
      waiter.resolve();
    }
  }
}
