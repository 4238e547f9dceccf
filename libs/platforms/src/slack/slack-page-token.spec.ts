import { PlatformError } from '../platform-error';
import { decodeSlackPageToken, encodeSlackPageToken, SlackPagePosition } from './slack-page-token';

describe('Slack page tokens', () => {
  const positions: SlackPagePosition[] = [
    { historyCursor: null, latest: null, thread: null },
    { historyCursor: 'bmV4dF90czoxNzEyMzQ1Njc4LjAwMDIwMA==', latest: '1712345999.000100', thread: null },
    { historyCursor: null, latest: '1712345999.000100', thread: { parent: '1712345000.000300', cursor: null } },
    { historyCursor: 'abc', latest: '1712345999.000100', thread: { parent: '1712345000.000300', cursor: 'def==' } },
  ];

  it.each(positions)('round-trips %j', (position) => {
    const token = encodeSlackPageToken(position);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSlackPageToken(token)).toEqual(position);
  });

  it.each([
    ['not base64 JSON', '%%%'],
    [
      'another version',
      Buffer.from(JSON.stringify({ v: 2, historyCursor: null, latest: null, thread: null })).toString('base64url'),
    ],
    [
      'a bad latest',
      Buffer.from(JSON.stringify({ v: 1, historyCursor: null, latest: 'now', thread: null })).toString('base64url'),
    ],
    [
      'a thread without parent',
      Buffer.from(JSON.stringify({ v: 1, historyCursor: null, latest: null, thread: { cursor: null } })).toString(
        'base64url',
      ),
    ],
  ])('refuses %s', (_case, token) => {
    expect(() => decodeSlackPageToken(token)).toThrow(PlatformError);
    expect(() => decodeSlackPageToken(token)).toThrow('resume token');
  });
});
