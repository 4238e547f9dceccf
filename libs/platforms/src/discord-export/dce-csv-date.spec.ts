import { parseDceCsvDate } from './dce-csv-date';

describe('parseDceCsvDate', () => {
  it.each([
    ['02-Mar-26 09:05 AM', '2026-03-02T09:05:00.000Z', 60_000],
    ['02-Mar-26 12:05 AM', '2026-03-02T00:05:00.000Z', 60_000],
    ['02-mar-2026 09:05 PM', '2026-03-02T21:05:00.000Z', 60_000],
    ['02-Mar-26 21:05', '2026-03-02T21:05:00.000Z', 60_000],
    ['3/2/2026 9:05 PM', '2026-03-02T21:05:00.000Z', 60_000],
    ['3/2/2026 12:05:09 PM', '2026-03-02T12:05:09.000Z', 1000],
    ['2026-03-02T09:05:07.123+00:00', '2026-03-02T09:05:07.123Z', 1],
  ])('reads %s as UTC', (text, iso, resolutionMs) => {
    const time = parseDceCsvDate(text)!;
    expect(new Date(time.ms).toISOString()).toBe(iso);
    expect(time.resolutionMs).toBe(resolutionMs);
  });

  it.each(['31-Feb-26 09:05 AM', '02-Foo-26 09:05 AM', '13/2/2026 9:05 PM', '02-Mar-26 13:05 PM', 'yesterday', ''])(
    'refuses %s',
    (text) => {
      expect(parseDceCsvDate(text)).toBeNull();
    },
  );
});
