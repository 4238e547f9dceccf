/** ISO 8601 dates and times; an offset or `Z` is optional. */
const ISO_8601 =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH_NUMBER = /^-?\d+(?:\.(\d+))?$/;
/** Epoch seconds reach this only in the year 5138: anything larger is milliseconds. */
const LARGEST_EPOCH_SECONDS = 100_000_000_000;
const MAX_DATE_MS = 8.64e15;

/**
 * An instant as a file writes it, with the precision it is written to: `2026-03-02 09:05` may stand
 * for any time within that minute, so a row written so is not surely older than a cursor 30 s later.
 */
export interface ImportTime {
  ms: number;
  /** 1 for milliseconds, 1000 for whole seconds, 60000 for whole minutes, 86400000 for a date. */
  resolutionMs: number;
}

/**
 * A timestamp written as ISO 8601 (without an offset it is UTC), or as epoch seconds or milliseconds
 * (a number, or a string of digits); null when it is neither.
 */
export function parseImportTime(value: unknown): ImportTime | null {
  if (typeof value === 'number') return Number.isFinite(value) ? fromEpoch(value, Number.isInteger(value)) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const epoch = EPOCH_NUMBER.exec(text);
  if (epoch) return fromEpoch(Number(text), epoch[1] === undefined);
  const match = ISO_8601.exec(text);
  if (!match) return null;
  const [, date, hours, minutes, seconds, fraction, zone] = match;
  if (!isCalendarDate(date)) return null;
  const time = `${hours ?? '00'}:${minutes ?? '00'}:${seconds ?? '00'}${fraction ? `.${fraction}` : ''}`;
  const ms = Date.parse(`${date}T${time}${zone === undefined ? 'Z' : normalizeOffset(zone)}`);
  if (Number.isNaN(ms)) return null;
  const resolutionMs =
    hours === undefined ? 86_400_000 : seconds === undefined ? 60_000 : fraction ? fractionResolution(fraction) : 1000;
  return { ms, resolutionMs };
}

export function parseImportTimestamp(value: unknown): number | null {
  return parseImportTime(value)?.ms ?? null;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Date.parse rolls 2026-02-31 over into March: such a date is refused instead. */
function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).getUTCMonth() === month - 1 && new Date(ms).getUTCDate() === day;
}

function fromEpoch(value: number, whole: boolean): ImportTime | null {
  const isSeconds = Math.abs(value) < LARGEST_EPOCH_SECONDS;
  const ms = Math.round(isSeconds ? value * 1000 : value);
  if (Math.abs(ms) > MAX_DATE_MS) return null;
  return { ms, resolutionMs: isSeconds && whole ? 1000 : 1 };
}

function fractionResolution(fraction: string): number {
  return Math.max(1, 10 ** (3 - fraction.length));
}

function normalizeOffset(zone: string): string {
  if (zone.toUpperCase() === 'Z') return 'Z';
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}
