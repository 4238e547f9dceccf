/** When a call reached an emulator, when it was answered, and the wait the answer asked for, if any. */
export interface TimedCall {
  /** ms since the epoch, on arrival. */
  at: number;
  answeredAt: number;
  /** Retry-After (or a JSON body's retry_after) of the answer, in ms. */
  retryAfterMs?: number;
}

/** The Retry-After an answer carries, in ms, for the call log. */
export function retryAfterMs(seconds: number | null | undefined): { retryAfterMs?: number } {
  return seconds === null || seconds === undefined ? {} : { retryAfterMs: seconds * 1000 };
}

/**
 * Calls that came before a wait the platform asked for had passed: for each answer naming a wait, the
 * calls of the same bucket that arrived after it was answered and before the wait ended. Calls already
 * on their way when the answer left are not counted: nothing could have held them back.
 */
export function callsBeforeHintedTime<T extends TimedCall>(
  calls: T[],
  sameBucket: (hinted: T, later: T) => boolean = () => true,
): Array<{ hinted: T; early: T }> {
  const early: Array<{ hinted: T; early: T }> = [];
  for (const hinted of calls) {
    if (hinted.retryAfterMs === undefined) continue;
    const until = hinted.answeredAt + hinted.retryAfterMs;
    for (const later of calls) {
      if (later.at > hinted.answeredAt && later.at < until && sameBucket(hinted, later)) {
        early.push({ hinted, early: later });
      }
    }
  }
  return early;
}
