import { PlatformError } from '../platform-error';
import { advanceMark, decodeMattermostCursor, encodeMattermostCursor, isAfterMark } from './mattermost-cursor';
import { decodeMattermostPageToken, encodeMattermostPageToken, MattermostPagePosition } from './mattermost-page-token';

const A = 'aaaaaaaaaaaaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbbbbbbbbbbbb';
const C = 'cccccccccccccccccccccccccc';
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Mattermost page tokens', () => {
  const positions: MattermostPagePosition[] = [
    { kind: 'history', before: null, page: 0, skipIds: [] },
    { kind: 'history', before: A, page: 0, skipIds: [B, C] },
    { kind: 'history', before: A, page: 3, skipIds: [] },
    { kind: 'changes', after: { at: 1772442000000, ids: [A] }, emitted: 200 },
  ];

  it.each(positions)('round-trips %j', (position) => {
    const token = encodeMattermostPageToken(position);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeMattermostPageToken(token)).toEqual(position);
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['another version', encode({ v: 2, kind: 'history', before: null, page: 0, skipIds: [] })],
    ['an unknown kind', encode({ v: 1, kind: 'thread', before: null, page: 0, skipIds: [] })],
    ['a malformed anchor', encode({ v: 1, kind: 'history', before: 'p1', page: 0, skipIds: [] })],
    ['a negative page', encode({ v: 1, kind: 'history', before: null, page: -1, skipIds: [] })],
    ['changes without a mark', encode({ v: 1, kind: 'changes', emitted: 0 })],
    ['a fractional time', encode({ v: 1, kind: 'changes', after: { at: 1.5, ids: [] }, emitted: 0 })],
  ])('refuses %s', (_case, token) => {
    expect(() => decodeMattermostPageToken(token)).toThrow(PlatformError);
    expect(() => decodeMattermostPageToken(token)).toThrow('resume token');
  });
});

describe('Mattermost cursors', () => {
  it('round-trip a change mark', () => {
    const cursor = encodeMattermostCursor({ at: 1772442000000, ids: [A, B] });
    expect(decodeMattermostCursor(cursor)).toEqual({ at: 1772442000000, ids: [A, B] });
  });

  it('read anything else as no cursor, so the fetch starts over', () => {
    expect(decodeMattermostCursor('1712345678.000100')).toBeNull();
    expect(decodeMattermostCursor(encode({ v: 9, at: 1, ids: [] }))).toBeNull();
    expect(decodeMattermostCursor(encode({ v: 1, at: 'soon', ids: [] }))).toBeNull();
  });

  it('count a change in the same millisecond as the mark only when it was not seen', () => {
    const mark = { at: 100, ids: [A] };
    expect(isAfterMark(mark, { id: A, update_at: 100 })).toBe(false);
    expect(isAfterMark(mark, { id: B, update_at: 100 })).toBe(true);
    expect(isAfterMark(mark, { id: A, update_at: 101 })).toBe(true);
    expect(isAfterMark(mark, { id: C, update_at: 99 })).toBe(false);
  });

  it('advance to the last change seen, keeping every id seen in its millisecond', () => {
    expect(advanceMark({ at: 100, ids: [A] }, [])).toEqual({ at: 100, ids: [A] });
    expect(advanceMark({ at: 100, ids: [A] }, [{ id: B, update_at: 100 }])).toEqual({ at: 100, ids: [A, B] });
    expect(
      advanceMark({ at: 100, ids: [A] }, [
        { id: A, update_at: 120 },
        { id: B, update_at: 150 },
        { id: C, update_at: 150 },
      ]),
    ).toEqual({ at: 150, ids: [B, C] });
  });
});
