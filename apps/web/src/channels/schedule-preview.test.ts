import { describe, expect, it } from 'vitest';
import { previewSchedule } from './schedule-preview';

describe('previewSchedule', () => {
  const from = new Date('2026-04-13T10:30:00Z');

  it('describes a schedule and lists its next five runs in the chosen time zone', () => {
    const preview = previewSchedule('0 */4 * * *', 'UTC', from);
    expect(preview.problem).toBeNull();
    expect(preview.description).toBe('On the hour, every 4 hours');
    expect(preview.nextRuns.map((run) => run.toISOString())).toEqual([
      '2026-04-13T12:00:00.000Z',
      '2026-04-13T16:00:00.000Z',
      '2026-04-13T20:00:00.000Z',
      '2026-04-14T00:00:00.000Z',
      '2026-04-14T04:00:00.000Z',
    ]);
  });

  it('reads the hours in the time zone: 09:00 in Paris is 07:00 UTC in summer', () => {
    const preview = previewSchedule('0 9 * * 1-5', 'Europe/Paris', from);
    expect(preview.nextRuns[0].toISOString()).toBe('2026-04-14T07:00:00.000Z');
  });

  it('names the problem of a schedule that is not 5 valid fields', () => {
    expect(previewSchedule('0 * * *', 'UTC', from).problem).toMatch(/5 fields/);
    expect(previewSchedule('0 25 * * *', 'UTC', from).problem).not.toBeNull();
  });
});
