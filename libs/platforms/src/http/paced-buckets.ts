import { RateTier, RequestPacer } from './request-pacer';

/** A bucket the platform documents nothing about: paced only once it throttles, never below one call a second. */
export const UNKNOWN_TIER: RateTier = { floorPerMinute: 60, ceilingPerMinute: null };

/**
 * The pacers of one client, one per bucket, made when first used with the bucket's tier. A throttle
 * the platform says holds for everything (Discord's global limit) blocks every bucket, later ones too.
 */
export class PacedBuckets {
  private readonly pacers = new Map<string, RequestPacer>();
  private globalBlockUntil = 0;

  constructor(
    private readonly tierOf: (bucket: string) => RateTier = () => UNKNOWN_TIER,
    private readonly onWait?: (ms: number) => void,
  ) {}

  of(bucket: string): RequestPacer {
    let pacer = this.pacers.get(bucket);
    if (!pacer) {
      pacer = new RequestPacer(this.tierOf(bucket), this.onWait);
      if (this.globalBlockUntil > Date.now()) pacer.block(this.globalBlockUntil);
      this.pacers.set(bucket, pacer);
    }
    return pacer;
  }

  throttled(bucket: string, untilMs: number, global: boolean): void {
    if (global) {
      this.globalBlockUntil = Math.max(this.globalBlockUntil, untilMs);
      for (const pacer of this.pacers.values()) pacer.block(untilMs);
    }
    this.of(bucket).throttled(untilMs);
  }
}
