import { PlatformError } from '../platform-error';
import { decodeOpaqueToken, encodeOpaqueToken } from '../opaque-token';

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
  return encodeOpaqueToken({ v: CURSOR_VERSION, since: cursor.since, delta: cursor.delta });
}

export function decodeTeamsCursor(cursor: string): TeamsCursor {
  const value = decodeOpaqueToken(cursor);
  if (value === null) throw invalidCursor();
  const { v, since, delta } = value;
  if (v !== CURSOR_VERSION || typeof since !== 'string' || Number.isNaN(Date.parse(since))) throw invalidCursor();
  if (!(delta === null || (typeof delta === 'string' && delta !== ''))) throw invalidCursor();
  return { since, delta };
}

function invalidCursor(): PlatformError {
  return new PlatformError('INTERNAL_ERROR', 'The Teams sync cursor is not one this connector wrote', {
    transient: false,
  });
}
