import { PlatformError } from '../platform-error';
import type { MessagesQuery } from './discord-api-client';
import { isSnowflake } from './discord-snowflake';
import { decodeOpaqueToken, encodeOpaqueToken } from '../opaque-token';

/**
 * Where the Discord connector is in a channel: a page of its history, a page of one of its threads,
 * or (when a thread got new replies) the thread's starter message, read again for its reply count.
 * Every position names its page by an explicit `before` or `after` id, so a fresh process asks
 * Discord for exactly the page another one would have.
 */
export type DiscordPagePosition =
  | { kind: 'history'; page: MessagesQuery }
  | { kind: 'thread'; thread: string; page: MessagesQuery; newReplies: boolean }
  | { kind: 'starter'; thread: string };

export interface DiscordPageToken {
  /** When the fetch began (server clock, ms): it fixed the fetch's bounds and its cursor. */
  at: number;
  position: DiscordPagePosition;
}

const TOKEN_VERSION = 1;

export function encodeDiscordPageToken(token: DiscordPageToken): string {
  const { position } = token;
  const page = 'page' in position ? position.page : undefined;
  const fields = {
    v: TOKEN_VERSION,
    at: token.at,
    kind: position.kind,
    ...('thread' in position ? { thread: position.thread } : {}),
    ...(page && 'before' in page ? { before: page.before } : {}),
    ...(page && 'after' in page ? { after: page.after } : {}),
    ...(position.kind === 'thread' ? { new_replies: position.newReplies } : {}),
  };
  return encodeOpaqueToken(fields);
}

export function decodeDiscordPageToken(token: string): DiscordPageToken {
  const value = decodeOpaqueToken(token);
  const { v, at, kind, thread, before, after, new_replies: newReplies } = value ?? {};
  if (v !== TOKEN_VERSION || typeof at !== 'number' || !Number.isFinite(at)) throw invalidToken();
  const page = pageOf(before, after);
  if (kind === 'history' && page && thread === undefined) return { at, position: { kind, page } };
  if (kind === 'thread' && page && isSnowflake(thread) && typeof newReplies === 'boolean') {
    return { at, position: { kind, thread, page, newReplies } };
  }
  if (kind === 'starter' && isSnowflake(thread) && before === undefined && after === undefined) {
    return { at, position: { kind, thread } };
  }
  throw invalidToken();
}

function pageOf(before: unknown, after: unknown): MessagesQuery | null {
  if (isSnowflake(before) && after === undefined) return { before };
  if (isSnowflake(after) && before === undefined) return { after };
  return null;
}

function invalidToken(): PlatformError {
  return new PlatformError('INTERNAL_ERROR', 'The Discord resume token is not one this connector wrote', {
    transient: false,
  });
}
