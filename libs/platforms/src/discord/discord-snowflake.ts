/** Discord's epoch, the first millisecond of 2015, as the timestamp bits of a snowflake count from it. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000;
const TIMESTAMP_SHIFT = 22n;

/** Snowflakes are unsigned 64-bit integers written as decimal strings. */
export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,20}$/.test(value);
}

/** The instant an id was generated: messages, channels and users all carry their creation time in their id. */
export function snowflakeToMs(id: string): number {
  return Number(BigInt(id) >> TIMESTAMP_SHIFT) + DISCORD_EPOCH_MS;
}

/**
 * The smallest snowflake of a millisecond: as a `before`, it excludes that millisecond and what follows;
 * as an `after`, it includes that millisecond but for the one id generated in its very first tick.
 */
export function snowflakeAt(ms: number): string {
  const sinceEpoch = Math.max(0, Math.floor(ms) - DISCORD_EPOCH_MS);
  return String(BigInt(sinceEpoch) << TIMESTAMP_SHIFT);
}

export function compareSnowflakes(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

export function isNewer(id: string, than: string): boolean {
  return compareSnowflakes(id, than) > 0;
}
