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

  it('keeps what follows a thread on its history page, and still reads tokens of version 1', () => {
    const position = {
      historyCursor: 'abc',
      latest: '1712345678.000200',
      thread: { parent: '1712345600.000100', cursor: null },
      rest: { threads: ['1712345500.000100'], next: 'def' },
    };
    expect(decodeSlackPageToken(encodeSlackPageToken(position))).toEqual(position);
    const v1 = Buffer.from(JSON.stringify({ v: 1, historyCursor: null, latest: null, thread: null })).toString(
      'base64url',
    );
    expect(decodeSlackPageToken(v1)).toEqual({ historyCursor: null, latest: null, thread: null });
  });

  it.each([
    ['not base64 JSON', '%%%'],
    [
      'another version',
      Buffer.from(JSON.stringify({ v: 3, historyCursor: null, latest: null, thread: null })).toString('base64url'),
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
