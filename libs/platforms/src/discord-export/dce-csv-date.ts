import { ImportTime, parseImportTime } from '../import-files/import-timestamp';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** `02-Mar-26 09:05 PM`: DCE's date format before it followed the export's locale. */
const DAY_MONTH_NAME = /^(\d{1,2})-([a-z]{3})-(\d{2}|\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?$/i;
/** `3/2/2026 9:05 PM`: the short date and time (`g`) of en-US, DCE's default locale. */
const MONTH_DAY_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2}) (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?$/i;

/**
 * Milliseconds since the epoch of a DCE CSV `Date`, or null. Accepted: ISO 8601, `dd-MMM-yy hh:mm tt`
 * and en-US `M/d/yyyy h:mm tt` (seconds optional, 24-hour without AM/PM). The CSV carries no time
 * zone: dates without an offset are read as UTC, which is what DCE writes with `--utc`.
 */
export function parseDceCsvDate(value: string): ImportTime | null {
  const text = value.trim();
  const named = DAY_MONTH_NAME.exec(text);
  if (named) {
    const month = MONTHS.indexOf(named[2].toLowerCase());
    if (month < 0) return null;
    return utc(named[3], month, named[1], named[4], named[5], named[6], named[7]);
  }
  const numeric = MONTH_DAY_YEAR.exec(text);
  if (numeric)
    return utc(numeric[3], Number(numeric[1]) - 1, numeric[2], numeric[4], numeric[5], numeric[6], numeric[7]);
  return parseImportTime(text);
}

function utc(
  yearText: string,
  month: number,
  dayText: string,
  hourText: string,
  minuteText: string,
  secondText: string | undefined,
  meridiem: string | undefined,
): ImportTime | null {
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const day = Number(dayText);
  let hour = Number(hourText);
  const minute = Number(minuteText);
  const second = Number(secondText ?? '0');
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (month < 0 || month > 11 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month, day, hour, minute, second);
  // Date.UTC rolls 31 February over into March: such a date is refused instead.
  if (new Date(ms).getUTCDate() !== day) return null;
  return { ms, resolutionMs: secondText === undefined ? 60_000 : 1000 };
}
