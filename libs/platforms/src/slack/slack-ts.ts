/**
 * Slack message timestamps ("1712345678.000200") are message ids as much as times. As floats they lose
 * the microseconds, so they are compared as decimal strings.
 */
const TS_PATTERN = /^(\d+)(?:\.(\d+))?$/;

function parseTs(ts: string): { seconds: bigint; fraction: string } {
  const match = TS_PATTERN.exec(ts);
  if (!match) throw new Error(`Not a Slack timestamp: "${ts}"`);
  return { seconds: BigInt(match[1]), fraction: match[2] ?? '' };
}

export function isSlackTs(value: unknown): value is string {
  return typeof value === 'string' && TS_PATTERN.test(value);
}

/** Negative when `a` is older than `b`, zero when equal, positive when newer. */
export function compareTs(a: string, b: string): number {
  const left = parseTs(a);
  const right = parseTs(b);
  if (left.seconds !== right.seconds) return left.seconds < right.seconds ? -1 : 1;
  const width = Math.max(left.fraction.length, right.fraction.length);
  const leftFraction = left.fraction.padEnd(width, '0');
  const rightFraction = right.fraction.padEnd(width, '0');
  if (leftFraction === rightFraction) return 0;
  return leftFraction < rightFraction ? -1 : 1;
}

/** The newer of two timestamps, either of which may be absent. */
export function newerTs(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareTs(a, b) >= 0 ? a : b;
}

export function tsToIso(ts: string): string {
  const { seconds, fraction } = parseTs(ts);
  const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
  return new Date(Number(seconds) * 1000 + milliseconds).toISOString();
}

/** Slack permalinks name a message by its ts without the dot: `p1712345678000200`. */
export function tsToPermalinkId(ts: string): string {
  return `p${ts.replace('.', '')}`;
}
