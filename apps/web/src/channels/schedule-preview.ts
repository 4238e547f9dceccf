import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue';

export interface SchedulePreview {
  description: string | null;
  nextRuns: Date[];
  problem: string | null;
}

/**
 * What a 5-field cron schedule means and when it runs next, read in `timeZone` as the scheduler does.
 * cronstrue writes the description; cron-parser gives the next runs. The server stays the judge: its 400
 * is shown when it refuses what these accept.
 */
export function previewSchedule(schedule: string, timeZone: string, from = new Date(), count = 5): SchedulePreview {
  const expression = schedule.trim();
  if (expression.split(/\s+/).length !== 5) {
    return {
      description: null,
      nextRuns: [],
      problem: 'A schedule has 5 fields: minute hour day-of-month month day-of-week.',
    };
  }
  try {
    const description = cronstrue.toString(expression, { use24HourTimeFormat: true, verbose: false });
    const nextRuns = CronExpressionParser.parse(expression, { tz: timeZone, currentDate: from })
      .take(count)
      .map((run) => run.toDate());
    return { description, nextRuns, problem: null };
  } catch (error) {
    return { description: null, nextRuns: [], problem: String((error as Error).message ?? error) };
  }
}

/** The IANA time zones this browser knows, UTC first. */
export function timeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...known.filter((zone) => zone !== 'UTC')];
}
