import type { Fact } from '@atlas/events';
import { compareText } from '../ordering';

export function timeOf(timestamp: string): number {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
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
