import { PlatformError } from '../platform-error';
import { isSnowflake, snowflakeToMs } from './discord-snowflake';
import type { DiscordMessage } from './discord-types';

/**
 * Where a channel was left by a fetch. `at` is the server's clock when the fetch began: messages
 * posted or edited after it are what the next fetch looks for. `seen` names the ones this fetch
 * already read although they are after `at` (posted or edited while it ran), with the edit they had,
 * so the next fetch does not hand them out again.
 */
export interface DiscordChannelCursor {
  at: number;
  seen: string[];
}

const CURSOR_VERSION = 1;
/** Past this, the oldest entries are forgotten: those messages are fetched once more, never lost. */
const MAX_SEEN = 500;

export function encodeDiscordCursor(cursor: DiscordChannelCursor): string {
  return JSON.stringify({ v: CURSOR_VERSION, at: new Date(cursor.at).toISOString(), seen: cursor.seen });
}

export function decodeDiscordCursor(value: string): DiscordChannelCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw invalidCursor();
  }
  const candidate = parsed as { v?: unknown; at?: unknown; seen?: unknown } | null;
  if (candidate?.v !== CURSOR_VERSION || typeof candidate.at !== 'string') throw invalidCursor();
  const at = Date.parse(candidate.at);
  const { seen } = candidate;
  if (Number.isNaN(at) || !Array.isArray(seen) || !seen.every(isSeenKey)) throw invalidCursor();
  return { at, seen };
}

export function editedMs(message: DiscordMessage): number | null {
  if (!message.edited_timestamp) return null;
  const ms = Date.parse(message.edited_timestamp);
  return Number.isNaN(ms) ? null : ms;
}

/** A message as last read: its id, and the edit it carried (a later edit makes it another key). */
export function seenKey(message: DiscordMessage): string {
  const edited = editedMs(message);
  return edited === null ? message.id : `${message.id}@${edited}`;
}

/** Whether a message was posted or edited after `at` (by the server's clock). */
export function changedAfter(message: DiscordMessage, at: number): boolean {
  return snowflakeToMs(message.id) > at || (editedMs(message) ?? 0) > at;
}

/** The cursor a fetch builds as it reads: its start, and the messages it read that are newer than that. */
export class DiscordCursorBuilder {
  private readonly seen: string[];

  constructor(
    readonly at: number,
    seen: readonly string[] = [],
  ) {
    this.seen = [...seen];
  }

  note(message: DiscordMessage): void {
    if (!changedAfter(message, this.at)) return;
    const key = seenKey(message);
    if (this.seen.includes(key)) return;
    this.seen.push(key);
    if (this.seen.length > MAX_SEEN) this.seen.splice(0, this.seen.length - MAX_SEEN);
  }

  get cursor(): DiscordChannelCursor {
    return { at: this.at, seen: [...this.seen] };
  }

  encode(): string {
    return encodeDiscordCursor(this.cursor);
  }
}

function isSeenKey(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const [id, edited, ...rest] = value.split('@');
  return isSnowflake(id) && rest.length === 0 && (edited === undefined || /^\d+$/.test(edited));
}

function invalidCursor(): PlatformError {
  return new PlatformError('INTERNAL_ERROR', 'The Discord channel cursor is not one this connector wrote', {
    transient: false,
  });
}
