import { PlatformError } from '../platform-error';
import { decodeExportPageToken, encodeExportPageToken } from './export-page-token';

describe('Slack export page tokens', () => {
  it('round-trips a position as an opaque url-safe string', () => {
    const token = encodeExportPageToken({ dayFile: '2025-03-04.json', part: 2 });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeExportPageToken(token)).toEqual({ dayFile: '2025-03-04.json', part: 2 });
  });

  it.each([
    ['garbage', '!!!'],
    [
      'a negative part',
      Buffer.from(JSON.stringify({ v: 1, dayFile: '2025-03-04.json', part: -1 })).toString('base64url'),
    ],
    [
      'a Slack API token',
      Buffer.from(JSON.stringify({ v: 1, historyCursor: null, latest: null, thread: null })).toString('base64url'),
    ],
  ])('refuses %s', (_case, token) => {
    expect(() => decodeExportPageToken(token)).toThrow(PlatformError);
  });
});
