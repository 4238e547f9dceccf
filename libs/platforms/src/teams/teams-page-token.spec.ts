import { PlatformError } from '../platform-error';
import { decodeTeamsCursor, encodeTeamsCursor } from './teams-cursor';
import { decodeTeamsPageToken, encodeTeamsPageToken, TeamsPagePosition } from './teams-page-token';

const PAGE = 'https://graph.microsoft.com/v1.0/teams/t/channels/19%3Aabc%40thread.tacv2/messages?$skiptoken=xyz';
const base = {
  mode: 'history' as const,
  startedAt: '2026-11-23T10:00:00.000Z',
  changedAfter: null,
  page: PAGE,
  progress: { fetched: 0, newest: null, oldest: null },
};

describe('Teams page tokens', () => {
  const positions: TeamsPagePosition[] = [
    { ...base, step: { kind: 'roots' } },
    { ...base, step: { kind: 'thread', root: '1616965872395', before: null } },
    {
      ...base,
      step: { kind: 'thread', root: '1616965872395', before: { at: '2021-03-29T03:49:13.153Z', id: '1616989753153' } },
      progress: { fetched: 120, newest: 1616965872395, oldest: 1606515483514 },
    },
    { ...base, step: { kind: 'overflow', root: '1616965872395', url: `${PAGE}/replies?$skiptoken=a`, counted: 1000 } },
    {
      ...base,
      mode: 'delta',
      changedAfter: '2026-11-23T09:55:00.000Z',
      step: { kind: 'root', root: '1616965872395', counted: 1234 },
    },
  ];

  it.each(positions)('round-trips %j', (position) => {
    const token = encodeTeamsPageToken(position);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeTeamsPageToken(token)).toEqual(position);
  });

  const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['not base64 JSON', '%%%'],
    ['another version', encoded({ v: 2, ...base, step: { kind: 'roots' } })],
    ['an unknown mode', encoded({ v: 1, ...base, mode: 'search', step: { kind: 'roots' } })],
    ['a bad start time', encoded({ v: 1, ...base, startedAt: 'yesterday', step: { kind: 'roots' } })],
    ['an unknown step', encoded({ v: 1, ...base, step: { kind: 'reactions' } })],
    ['a thread without root', encoded({ v: 1, ...base, step: { kind: 'thread', before: null } })],
    ['a negative count', encoded({ v: 1, ...base, step: { kind: 'root', root: '1', counted: -1 } })],
    ['no progress', encoded({ v: 1, ...base, progress: undefined, step: { kind: 'roots' } })],
  ])('refuses %s', (_case, token) => {
    expect(() => decodeTeamsPageToken(token)).toThrow(PlatformError);
    expect(() => decodeTeamsPageToken(token)).toThrow('resume token');
  });
});

describe('Teams cursors', () => {
  it.each([
    { since: '2026-11-23T10:00:00.000Z', delta: null },
    { since: '2026-11-23T10:00:00.000Z', delta: `${PAGE.replace('?$skiptoken=xyz', '/delta?$deltatoken=abc')}` },
  ])('round-trips %j', (cursor) => {
    expect(decodeTeamsCursor(encodeTeamsCursor(cursor))).toEqual(cursor);
  });

  it.each([
    '1712345678.000100',
    Buffer.from(JSON.stringify({ v: 1, since: 'soon', delta: null })).toString('base64url'),
  ])('refuses %s, which it did not write', (cursor) => {
    expect(() => decodeTeamsCursor(cursor)).toThrow('sync cursor');
  });
});
