import { ValidationError } from '@atlas/common';

/**
 * Page cursors are the sort key of the last item of a page, base64url-encoded: opaque to clients, and a
 * keyset position to the store, so pages neither skip nor repeat items while the data grows.
 */
export function encodeCursor(sortKey: string | null): string | null {
  return sortKey === null ? null : Buffer.from(sortKey, 'utf8').toString('base64url');
}

/** The sort key a cursor stands for; anything this API did not hand out is a 400. */
export function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const bytes = Buffer.from(cursor, 'base64url');
  const sortKey = bytes.toString('utf8');
  // Buffer skips characters it cannot read; only a cursor that survives the round trip is one of ours.
  const canonical = bytes.toString('base64url') === cursor && Buffer.from(sortKey, 'utf8').equals(bytes);
  if (!canonical || !sortKey.includes('|')) {
    throw new ValidationError('cursor is not a cursor this API returned: pass next_cursor of the previous page', {
      cursor,
    });
  }
  return sortKey;
}
