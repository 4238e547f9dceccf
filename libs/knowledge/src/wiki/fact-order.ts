import type { Fact } from '@atlas/events';
import { compareText } from '../ordering';

/** Parsed timestamps: sorting a big channel compares each one many times, and parsing dominates. */
const parsed = new Map<string, number>();
const PARSED_CACHE = 200_000;

export function timeOf(timestamp: string): number {
  let ms = parsed.get(timestamp);
  if (ms === undefined) {
    const parsedMs = Date.parse(timestamp);
    ms = Number.isNaN(parsedMs) ? Number.NEGATIVE_INFINITY : parsedMs;
    if (parsed.size >= PARSED_CACHE) parsed.clear();
    parsed.set(timestamp, ms);
  }
  return ms;
}

/** Oldest first; facts of one message in their order within it. Total, so sorting is deterministic. */
export function compareChronologically(a: Fact, b: Fact): number {
  return (
    timeOf(a.source.timestamp) - timeOf(b.source.timestamp) ||
    compareText(a.source.timestamp, b.source.timestamp) ||
    compareText(a.message_id, b.message_id) ||
    a.index - b.index ||
    compareText(a.id, b.id)
  );
}

/** Newest message first, facts of one message still in their order within it. */
export function compareNewestFirst(a: Fact, b: Fact): number {
  return a.message_id === b.message_id ? compareChronologically(a, b) : compareChronologically(b, a);
}
