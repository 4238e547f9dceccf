import { PlatformError } from '../platform-error';
import { isSlackTs } from './slack-ts';
import { decodeOpaqueToken, encodeOpaqueToken } from '../opaque-token';

/**
 * Where the Slack connector is in a channel: a history page, or a page of the replies of one thread
 * found on a history page. Threads are walked right after the history page that holds their parent.
 */
export interface SlackPagePosition {
  /** Cursor of the history page being walked; null for the first one. */
  historyCursor: string | null;
  /**
   * Newest ts of the first history page. The first page has no cursor of its own, so when it must be
   * fetched again, `latest` pins it: messages posted since then do not shift it.
   */
  latest: string | null;
  /** Set when the position is a page of a thread's replies. */
  thread: { parent: string; cursor: string | null } | null;
  /**
   * With `thread`: what follows on the history page that holds it (its older threads still to walk, and
   * the next history cursor), so a resumed walk need not fetch that page again. Tokens of version 1
   * lack it; the page is then fetched again.
   */
  rest?: { threads: string[]; next: string | null };
}

const TOKEN_VERSION = 2;
const VERSIONS_READ = [1, 2];

export function encodeSlackPageToken(position: SlackPagePosition): string {
  return encodeOpaqueToken({ v: TOKEN_VERSION, ...position });
}

export function decodeSlackPageToken(token: string): SlackPagePosition {
  const value = decodeOpaqueToken(token);
  if (!isPosition(value)) throw invalidToken();
  const { historyCursor, latest, thread, rest } = value;
  return {
    historyCursor,
    latest,
    thread: thread && { parent: thread.parent, cursor: thread.cursor },
    ...(rest ? { rest: { threads: [...rest.threads], next: rest.next } } : {}),
  };
}

function isPosition(value: unknown): value is SlackPagePosition & { v: number } {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (!VERSIONS_READ.includes(candidate.v as number)) return false;
  if (candidate.rest !== undefined && !isRest(candidate.rest)) return false;
  if (!isNullableString(candidate.historyCursor)) return false;
  if (candidate.latest !== null && !isSlackTs(candidate.latest)) return false;
  if (candidate.thread === null) return true;
  if (typeof candidate.thread !== 'object') return false;
  const thread = candidate.thread as Record<string, unknown>;
  return isSlackTs(thread.parent) && isNullableString(thread.cursor);
}

function isRest(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const rest = value as Record<string, unknown>;
  return Array.isArray(rest.threads) && rest.threads.every(isSlackTs) && isNullableString(rest.next);
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function invalidToken(): PlatformError {
  return new PlatformError('INTERNAL_ERROR', 'The Slack resume token is not one this connector wrote', {
    transient: false,
  });
}
