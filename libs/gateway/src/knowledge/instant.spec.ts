import { ValidationError } from '@atlas/common';
import { timeRange, toInstant } from './instant';

describe('time bounds of the knowledge API', () => {
  it.each([
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T09:30Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30:15.5Z', '2026-03-01T09:30:15.500Z'],
    ['2026-03-01T11:30:00+02:00', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30:00', '2026-03-01T09:30:00.000Z'],
  ])('reads %s as %s', (value, instant) => {
    expect(toInstant(value)).toBe(instant);
  });

  it.each(['2026-02-30', '2026-13-01', 'yesterday', '1717171717', '2026-03-01 09:30', '2026-W09', '2026-03-01T25:00Z'])(
    'refuses %s',
    (value) => {
      expect(toInstant(value)).toBeNull();
    },
  );

  it('keeps a half-open range and refuses an empty or reversed one', () => {
    expect(timeRange('2026-03-01', '2026-03-02')).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-02T00:00:00.000Z',
    });
    expect(timeRange(undefined, '2026-03-02')).toEqual({ from: undefined, to: '2026-03-02T00:00:00.000Z' });
    expect(() => timeRange('2026-03-02', '2026-03-02T00:00:00Z')).toThrow(ValidationError);
    expect(() => timeRange('2026-03-03', '2026-03-02')).toThrow(/from must be earlier than to/);
  });
});
