import { CronTime } from 'cron';
import { isoSeconds } from '@atlas/common';

/** Schedules are standard 5-field cron expressions: minute hour day-of-month month day-of-week. */
const FIELDS = [
  { name: 'minute', range: '0-59' },
  { name: 'hour', range: '0-23' },
  { name: 'day-of-month', range: '1-31' },
  { name: 'month', range: '1-12 or JAN-DEC' },
  { name: 'day-of-week', range: '0-7 or SUN-SAT' },
] as const;

export class InvalidScheduleError extends Error {
  constructor(
    readonly field: 'schedule' | 'timezone',
    message: string,
  ) {
    super(message);
    this.name = 'InvalidScheduleError';
  }
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks a schedule and says exactly what is wrong with it. The `cron` library (the one
 * @nestjs/schedule runs on) does the parsing; checking each field alone against it is what lets the
 * message name the field.
 */
export function validateSchedule(expression: string, timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new InvalidScheduleError(
      'timezone',
      `timezone "${timeZone}" is not an IANA time zone (for example Europe/Berlin)`,
    );
  }
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw new InvalidScheduleError(
      'schedule',
      `schedule "${expression}" has ${fields.length} field(s); expected 5: minute hour day-of-month month day-of-week`,
    );
  }
  fields.forEach((value, index) => {
    const alone = FIELDS.map((_, i) => (i === index ? value : '*')).join(' ');
    try {
      new CronTime(alone, timeZone);
    } catch (error) {
      const { name, range } = FIELDS[index];
      throw new InvalidScheduleError(
        'schedule',
        `schedule "${expression}": the ${name} field "${value}" is invalid (${range}): ${(error as Error).message}`,
      );
    }
  });
  try {
    // Fields that are each valid can still never meet (31 February): only looking for a date tells.
    new CronTime(fields.join(' '), timeZone).sendAt();
  } catch {
    throw new InvalidScheduleError('schedule', `schedule "${expression}" never matches a date`);
  }
}

/** The first slot strictly after `after` (slots are whole minutes). */
export function nextSlot(expression: string, timeZone: string, after: Date): Date {
  return new CronTime(expression, timeZone).getNextDateFrom(after, timeZone).toJSDate();
}

/** The latest slot in (`from`, `to`], or null when none falls in that window. */
export function latestSlotBetween(expression: string, timeZone: string, from: Date, to: Date): Date | null {
  let latest: Date | null = null;
  for (let slot = nextSlot(expression, timeZone, from); slot <= to; slot = nextSlot(expression, timeZone, slot)) {
    latest = slot;
  }
  return latest;
}

/** A slot's identity: the minute it stands for, in UTC (`2026-04-13T14:00:00Z`). */
export function slotId(at: Date): string {
  const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  return isoSeconds(minute);
}
