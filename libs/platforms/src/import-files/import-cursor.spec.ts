import { PlatformError } from '../platform-error';
import { decodeImportCursor, encodeImportCursor, isNewerThan } from './import-cursor';
import { decodeImportPageToken, encodeImportPageToken } from './import-page-token';

const at = (iso: string) => Date.parse(iso);

describe('import cursors', () => {
  it('round-trip as versioned JSON', () => {
    const cursor = { messagesUntil: at('2026-03-04T10:00:00Z'), changesUntil: at('2026-03-05T08:00:00Z') };
    expect(JSON.parse(encodeImportCursor(cursor))).toEqual({
      v: 1,
      messages_until: '2026-03-04T10:00:00.000Z',
      changes_until: '2026-03-05T08:00:00.000Z',
    });
    expect(decodeImportCursor(encodeImportCursor(cursor))).toEqual(cursor);
  });

  it.each(['1741082400.000100', '{"v":2}', 'garbage'])('refuses %s', (value) => {
    expect(() => decodeImportCursor(value)).toThrow(PlatformError);
  });

  it('selects rows posted after the messages mark or changed after the changes mark', () => {
    const since = { messagesUntil: at('2026-03-04T10:00:00Z'), changesUntil: at('2026-03-05T08:00:00Z') };
    const row = (time: string, changed: string | null, resolutionMs = 1) => ({
      timeMs: at(time),
      changedMs: changed === null ? null : at(changed),
      resolutionMs,
    });
    expect(isNewerThan(since, row('2026-03-04T10:00:00.001Z', null))).toBe(true);
    expect(isNewerThan(since, row('2026-03-04T10:00:00Z', null))).toBe(false);
    expect(isNewerThan(since, row('2026-03-01T10:00:00Z', '2026-03-05T08:00:01Z'))).toBe(true);
    expect(isNewerThan(since, row('2026-03-01T10:00:00Z', '2026-03-04T12:00:00Z'))).toBe(false);
    // Written to the minute, 10:00 may have been 10:00:59: fetched again rather than missed.
    expect(isNewerThan(since, row('2026-03-04T10:00:00Z', null, 60_000))).toBe(true);
    expect(isNewerThan(null, row('2020-01-01T00:00:00Z', null))).toBe(true);
  });
});

describe('import page tokens', () => {
  it('round-trip as url-safe strings', () => {
    const token = encodeImportPageToken({ position: 300, fingerprint: 'a.json:10:20' });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeImportPageToken(token)).toEqual({ position: 300, fingerprint: 'a.json:10:20' });
  });

  it('refuses tokens of other connectors', () => {
    const slackExportToken = Buffer.from(JSON.stringify({ v: 1, dayFile: '2025-03-04.json', part: 0 })).toString(
      'base64url',
    );
    expect(() => decodeImportPageToken(slackExportToken)).toThrow(PlatformError);
    expect(() => decodeImportPageToken('!!!')).toThrow(PlatformError);
  });
});
