import { ValidationError } from '@atlas/common';
import { decodeCursor, encodeCursor } from './cursor';

describe('page cursors', () => {
  it('round-trips any sort key, Unicode included, through a URL-safe string', () => {
    for (const sortKey of ['2026-03-01T09:00:00.000Z|fact_1', 'são paulo team|ent_ab/+=', 'x|']) {
      const cursor = encodeCursor(sortKey)!;
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor)).toBe(sortKey);
    }
  });

  it('has no cursor after the last page and none before the first', () => {
    expect(encodeCursor(null)).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });

  it.each([
    ['characters outside base64url', 'abc!def'],
    ['padding', `${encodeCursor('2026|f')}=`],
    // Reads as the same bytes as MjAyNnxmYQ ("2026|fa"), but is not how this API spells them.
    ['a non-canonical spelling', 'MjAyNnxmYR'],
    ['bytes that are not UTF-8', Buffer.from([0xff, 0x7c, 0xfe]).toString('base64url')],
    ['text that is not a sort key', Buffer.from('no separator').toString('base64url')],
  ])('refuses %s with a validation error', (_label, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(ValidationError);
    expect(() => decodeCursor(cursor)).toThrow(/cursor/);
  });
});
