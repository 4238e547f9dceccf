import { parseImportTime, parseImportTimestamp } from './import-timestamp';

describe('parseImportTime', () => {
  it.each([
    ['2026-03-02T09:05:07.413Z', '2026-03-02T09:05:07.413Z', 1],
    ['2026-03-02T09:05:07.4130000+00:00', '2026-03-02T09:05:07.413Z', 1],
    ['2026-03-02T11:05:07+02:00', '2026-03-02T09:05:07.000Z', 1000],
    ['2026-03-02T04:35:07.5-0430', '2026-03-02T09:05:07.500Z', 100],
    ['2026-03-02 09:05', '2026-03-02T09:05:00.000Z', 60_000],
    ['2026-03-02', '2026-03-02T00:00:00.000Z', 86_400_000],
  ])('reads ISO 8601 %s, UTC when it has no offset', (text, iso, resolutionMs) => {
    const time = parseImportTime(text)!;
    expect(new Date(time.ms).toISOString()).toBe(iso);
    expect(time.resolutionMs).toBe(resolutionMs);
  });

  it.each([
    [1772442307, '2026-03-02T09:05:07.000Z', 1000],
    ['1772442307', '2026-03-02T09:05:07.000Z', 1000],
    ['1772442307.25', '2026-03-02T09:05:07.250Z', 1],
    [1772442307413, '2026-03-02T09:05:07.413Z', 1],
    ['1772442307413', '2026-03-02T09:05:07.413Z', 1],
  ])('reads epoch seconds and milliseconds: %s', (value, iso, resolutionMs) => {
    const time = parseImportTime(value)!;
    expect(new Date(time.ms).toISOString()).toBe(iso);
    expect(time.resolutionMs).toBe(resolutionMs);
  });

  it.each(['', 'yesterday', 'March 2, 2026', '2026-02-31T00:00:00Z', '2026-13-01', null, {}, Number.NaN])(
    'refuses %p',
    (value) => {
      expect(parseImportTimestamp(value)).toBeNull();
    },
  );
});
