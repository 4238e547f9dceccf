import { PlatformError } from '../platform-error';
import { compareTs, isSlackTs } from './slack-ts';

/**
 * Where a Slack channel was left by the last fetch: the newest top-level message it stored, and the
 * time the fetch began (as a ts), which tells edits made since apart from older ones.
 */
export interface SlackChannelCursor {
  newest: string;
  fetchedAt: string;
}

const CURSOR_VERSION = 2;

export function encodeSlackCursor(cursor: SlackChannelCursor): string {
  return JSON.stringify({ v: CURSOR_VERSION, newest: cursor.newest, fetched_at: cursor.fetchedAt });
}

/** Reads a cursor; a bare ts (what versions before 2 wrote) is a cursor whose fetch began at that ts. */
export function decodeSlackCursor(value: string): SlackChannelCursor {
  if (isSlackTs(value)) return { newest: value, fetchedAt: value };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw invalidCursor();
  }
  const candidate = parsed as { v?: unknown; newest?: unknown; fetched_at?: unknown } | null;
  if (candidate?.v !== CURSOR_VERSION || !isSlackTs(candidate.newest) || !isSlackTs(candidate.fetched_at)) {
    throw invalidCursor();
  }
  return { newest: candidate.newest, fetchedAt: candidate.fetched_at };
}

/** The ts of an instant, to the microsecond Slack writes. */
export function msToTs(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const micros = Math.round((ms - seconds * 1000) * 1000);
  return `${seconds}.${String(micros).padStart(6, '0')}`;
}

export function tsToMs(ts: string): number {
  return Number(ts) * 1000;
}

export function olderTs(a: string, b: string): string {
  return compareTs(a, b) <= 0 ? a : b;
}

function invalidCursor(): PlatformError {
  return new PlatformError('INTERNAL_ERROR', 'The Slack channel cursor is not one this connector wrote', {
    transient: false,
  });
}
