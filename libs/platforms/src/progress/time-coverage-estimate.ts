/**
 * Estimates how many messages a fetch yields in all when the platform gives no count: a walk from the
 * newest message back in time has covered `(newest - oldestSoFar)` of the span it must cover
 * (`newest - origin`, origin being the channel's creation or the previous sync's cursor), and messages
 * are assumed to be spread over that span as over the part already walked. Null until there is a span
 * to go by.
 */
export function estimateFromTimeCoverage(input: {
  /** Messages fetched so far. */
  fetched: number;
  /** Time of the newest message of the fetch (ms). */
  newestMs: number;
  /** Time of the oldest message fetched so far (ms). */
  oldestSoFarMs: number;
  /** Where the walk ends: the channel's creation, or the cursor of an incremental fetch (ms). */
  originMs: number;
  /** Messages known to be still to come whatever the span (announced replies of threads not yet walked). */
  knownPending?: number;
}): number | null {
  const { fetched, newestMs, oldestSoFarMs, originMs } = input;
  const pending = input.knownPending ?? 0;
  if (fetched === 0) return null;
  const total = newestMs - originMs;
  const covered = newestMs - oldestSoFarMs;
  if (!(total > 0) || !(covered > 0)) return fetched + pending;
  const share = Math.min(1, covered / total);
  return Math.max(fetched + pending, Math.round(fetched / share) + pending);
}
