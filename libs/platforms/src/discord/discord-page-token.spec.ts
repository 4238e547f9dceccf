import { PlatformError } from '../platform-error';
import { decodeDiscordPageToken, DiscordPageToken, encodeDiscordPageToken } from './discord-page-token';

describe('Discord page tokens', () => {
  const at = Date.parse('2026-11-23T22:00:00.000Z');
  const tokens: DiscordPageToken[] = [
    { at, position: { kind: 'history', page: { before: '1478392841990144000' } } },
    { at, position: { kind: 'history', page: { after: '1346925568000000000' } } },
    {
      at,
      position: {
        kind: 'thread',
        thread: '1478000000000000000',
        page: { before: '1478392841990144000' },
        newReplies: false,
      },
    },
    {
      at,
      position: {
        kind: 'thread',
        thread: '1478000000000000000',
        page: { after: '1478000000000000001' },
        newReplies: true,
      },
    },
    { at, position: { kind: 'starter', thread: '1478000000000000000' } },
  ];

  it.each(tokens)('round-trips %j', (token) => {
    const encoded = encodeDiscordPageToken(token);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeDiscordPageToken(encoded)).toEqual(token);
  });

  const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['not base64 JSON', '%%%'],
    ['a JSON array', raw([1])],
    ['another version', raw({ v: 2, at, kind: 'history', before: '1' })],
    ['no start time', raw({ v: 1, kind: 'history', before: '1' })],
    ['both anchors', raw({ v: 1, at, kind: 'history', before: '1', after: '2' })],
    ['no anchor', raw({ v: 1, at, kind: 'history' })],
    ['a bad snowflake', raw({ v: 1, at, kind: 'history', before: 'latest' })],
    ['a thread without its flag', raw({ v: 1, at, kind: 'thread', thread: '5', before: '1' })],
    ['a starter without thread', raw({ v: 1, at, kind: 'starter' })],
    ['an unknown kind', raw({ v: 1, at, kind: 'pins', before: '1' })],
  ])('refuses %s', (_case, token) => {
    expect(() => decodeDiscordPageToken(token)).toThrow(PlatformError);
    expect(() => decodeDiscordPageToken(token)).toThrow('resume token');
  });
});
