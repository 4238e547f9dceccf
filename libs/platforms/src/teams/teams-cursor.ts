import { PlatformError } from '../platform-error';

/**
 * A channel's sync cursor. `delta` is the `@odata.deltaLink` that ended the last delta round (null
 * after a full history walk, whose next fetch starts a round filtered on `since`). `since` is Graph's
 * clock when the last fetch began: replies changed after it are what the next fetch looks for.
 */
export interface TeamsCursor {
  since: string;
  delta: string | null;
}

const CURSOR_VERSION = 1;

export function encodeTeamsCursor(cursor: TeamsCursor): string {
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, since: cursor.since, delta: cursor.delta })).toString(
    'base64url',
  );
}

export function decodeTeamsCursor(cursor: string): TeamsCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof value !== 'object' || value === null) throw invalidCursor();
  const { v, since, delta } = value as Record<string, unknown>;
  if (v !== CURSOR_VERSION || typeof since !== 'string' || Number.isNaN(Date.parse(since))) throw invalidCursor();
  if (!(delta === null || (typeof delta === 'string' && delta !== ''))) throw invalidCursor();
  return { since, delta };
}

function invalidCursor(): PlatformError {
  return new PlatformError('INTERNAL_ERROR', 'The Teams sync cursor is not one this connector wrote', {
    transient: false,
  });
}
