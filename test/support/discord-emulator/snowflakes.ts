/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from it. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000;

/**
 * Hands out snowflakes as Discord builds them: milliseconds since its epoch in the top 42 bits, then
 * worker, process and a per-millisecond increment. Derived from the time a thing happened, so
 * ordering by id is ordering by time, whatever order the fixture creates things in.
 */
export class SnowflakeClock {
  private readonly increments = new Map<number, number>();

  at(ms: number): string {
    const millis = Math.floor(ms);
    const increment = this.increments.get(millis) ?? 0;
    if (increment > 0xfff) throw new Error(`More than 4096 snowflakes in one millisecond (${millis})`);
    this.increments.set(millis, increment + 1);
    const worker = 1n;
    const processId = 0n;
    const id = (BigInt(millis - DISCORD_EPOCH_MS) << 22n) | (worker << 17n) | (processId << 12n) | BigInt(increment);
    return String(id);
  }
}

export function snowflakeMs(id: string): number {
  return Number(BigInt(id) >> 22n) + DISCORD_EPOCH_MS;
}

export function compareIds(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/** Discord writes timestamps with microseconds and an explicit offset: 2026-03-02T09:00:00.000000+00:00. */
export function discordTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}
