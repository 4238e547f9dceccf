import { InvalidScheduleError, latestSlotBetween, nextSlot, slotId, validateSchedule } from './cron-schedule';

describe('validateSchedule', () => {
  it.each(['0 */4 * * *', '*/15 9-17 * * MON-FRI', '0 0 1 JAN *', '30 2 * * 0'])('accepts %s', (expression) => {
    expect(() => validateSchedule(expression, 'UTC')).not.toThrow();
  });

  it.each([
    ['61 * * * *', /minute field "61"/],
    ['* 25 * * *', /hour field "25"/],
    ['0 0 32 * *', /day-of-month field "32"/],
    ['0 0 * 13 *', /month field "13"/],
    ['0 0 * * 8', /day-of-week field "8"/],
    ['*/0 * * * *', /minute field "\*\/0"/],
    ['* * * *', /has 4 field\(s\); expected 5/],
    ['0 0 0 * * *', /has 6 field\(s\)/],
    ['0 0 31 2 *', /never matches a date/],
    ['every hour', /has 2 field/],
  ])('rejects %s naming the problem', (expression, message) => {
    const attempt = () => validateSchedule(expression, 'UTC');
    expect(attempt).toThrow(InvalidScheduleError);
    expect(attempt).toThrow(message);
  });

  it('rejects an unknown time zone', () => {
    expect(() => validateSchedule('0 * * * *', 'Mars/Olympus')).toThrow(/timezone "Mars\/Olympus"/);
  });
});

describe('slots', () => {
  it('computes the next slot in the schedule time zone', () => {
    // 09:00 in Berlin during summer time is 07:00 UTC.
    expect(nextSlot('0 9 * * *', 'Europe/Berlin', new Date('2026-04-13T08:00:00Z')).toISOString()).toBe(
      '2026-04-14T07:00:00.000Z',
    );
    expect(nextSlot('0 */4 * * *', 'UTC', new Date('2026-04-13T10:00:00Z')).toISOString()).toBe(
      '2026-04-13T12:00:00.000Z',
    );
  });

  it('finds the latest slot of a window, or none', () => {
    const from = new Date('2026-04-13T10:01:00Z');
    expect(latestSlotBetween('*/5 * * * *', 'UTC', from, new Date('2026-04-13T10:17:30Z'))?.toISOString()).toBe(
      '2026-04-13T10:15:00.000Z',
    );
    expect(latestSlotBetween('0 * * * *', 'UTC', from, new Date('2026-04-13T10:30:00Z'))).toBeNull();
  });

  it('identifies a slot by its minute in UTC', () => {
    expect(slotId(new Date('2026-04-13T14:00:00.420Z'))).toBe('2026-04-13T14:00:00Z');
  });
});
