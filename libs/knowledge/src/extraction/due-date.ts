import nlp from 'compromise';
import datesPlugin from 'compromise-dates';

const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu|thurs|fri)';
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const FULL_MONTH = '(?:january|february|march|april|june|july|august|september|october|november|december)';
const ORDINAL = '\\d{1,2}(?:st|nd|rd|th)?';
/** The cheap test that decides whether a sentence is worth compromise's (slow) date parser. */
const DATE_EXPRESSION = new RegExp(
  [
    `(?:(?:next|this|coming)\\s+)?${WEEKDAY}(?:\\s+the\\s+${ORDINAL})?(?:\\s+next\\s+week)?`,
    `${MONTH}\\.?\\s+${ORDINAL}(?:,?\\s+\\d{4})?`,
    `${ORDINAL}\\s+(?:of\\s+)?${MONTH}`,
    `\\d{4}-\\d{2}-\\d{2}`,
    `\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?`,
    'tomorrow|today|tonight',
    'eod|eow|eom|end\\s+of\\s+(?:the\\s+|this\\s+|next\\s+)?(?:day|week|month|quarter|year|sprint)',
    '(?:next|this)\\s+(?:week|month|quarter)',
    'in\\s+(?:\\d+|a|one|two|three|four|five|six)\\s+(?:days?|weeks?|months?)',
    `the\\s+${ORDINAL.replace('?', '')}`,
    'q[1-4](?:\\s+\\d{4})?',
    `(?:early|mid|late)[-\\s]${FULL_MONTH}|${FULL_MONTH}(?=\\s*(?:[.,;!?)]|$))`,
  ]
    .map((alternative) => `(?:${alternative})`)
    .join('|')
    .replace(/^/, '(?<![\\p{L}\\p{N}/-])(?:')
    .concat(')(?![\\p{L}\\p{N}/-])'),
  'iu',
);
/** "by", "before", "until" give the last day of a range ("by next week": its end); other dates their first. */
const UPPER_BOUND = /\b(?:by|before|until|till|no later than)\s+(?:the\s+)?$/i;
const MAX_CACHED = 5_000;

let datesLoaded = false;
const cache = new Map<string, string | null>();

export interface DueDate {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** The expression as written. */
  expression: string;
}

/**
 * The first date the text sets, resolved against the day of the message (UTC), or null. Past
 * dates are history, not something the fact sets.
 */
export function findDueDate(text: string, messageTimestamp: string): DueDate | null {
  const match = DATE_EXPRESSION.exec(text);
  if (match === null) return null;
  const today = messageTimestamp.slice(0, 10);
  const expression = match[0].trim();
  // "every Wednesday", "each Monday": a recurring commitment has no day it is due.
  if (RECURRING.test(text.slice(0, match.index))) return null;
  const upperBound = UPPER_BOUND.test(text.slice(0, match.index));
  const date = resolveDate(expression, today, upperBound);
  if (date === null || date < today) return null;
  return { date, expression };
}

const RECURRING = /\b(?:every|each)\s*$/i;

function resolveDate(expression: string, today: string, upperBound: boolean): string | null {
  const cacheKey = `${expression.toLowerCase()}|${today}|${upperBound}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const resolved = resolveUncached(expression.toLowerCase().replace(/\s+/g, ' '), today, upperBound);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(cacheKey, resolved);
  return resolved;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Days and dates chat writes all the time are resolved here; compromise-dates (a few
 * milliseconds a call) gets the rest: "end of next week", "in two weeks", "Q3", "mid-July".
 */
function resolveUncached(expression: string, today: string, upperBound: boolean): string | null {
  if (expression === 'eod' || expression === 'today' || expression === 'tonight') return today;
  if (expression === 'tomorrow') return addDays(today, 1);
  const weekday = /^(?:this\s+|coming\s+)?(mon|tue|wed|thu|fri|sat|sun)[a-z]*$/.exec(expression);
  if (weekday) return nextWeekday(today, WEEKDAYS.indexOf(weekday[1]));
  if (/^\d{4}-\d{2}-\d{2}$/.test(expression)) return validDate(expression);
  const monthDay =
    /^([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?$|^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3})[a-z]*$/.exec(
      expression,
    );
  if (monthDay) {
    const month = MONTHS.indexOf(monthDay[1] ?? monthDay[4]);
    if (month >= 0) return nextMonthDay(today, month, Number(monthDay[2] ?? monthDay[3]));
  }
  if (expression === 'eow') return parse('friday', today, false);
  if (expression === 'eom') return parse('end of the month', today, false);
  const dayOfMonth = /^the (\d{1,2})(?:st|nd|rd|th)$/.exec(expression);
  if (dayOfMonth) return nextDayOfMonth(Number(dayOfMonth[1]), today);
  const slashed = /^(\d{1,2})\/(\d{1,2})$/.exec(expression);
  // compromise reads "3/15" only zero-padded; chat writes month/day as it likes.
  if (slashed) return parse(`${slashed[1].padStart(2, '0')}/${slashed[2].padStart(2, '0')}`, today, false);
  return parse(expression, today, upperBound || expression.startsWith('end of'));
}

function parse(expression: string, today: string, useEnd: boolean): string | null {
  if (!datesLoaded) {
    nlp.plugin(datesPlugin);
    datesLoaded = true;
  }
  const view = nlp(expression) as unknown as { dates(options: object): { json(): DateJson[] } };
  const [first] = view.dates({ today, timezone: 'UTC' }).json();
  const value = useEnd ? (first?.dates?.end ?? first?.dates?.start) : first?.dates?.start;
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

interface DateJson {
  dates?: { start?: string | null; end?: string | null };
}

function nextDayOfMonth(day: number, today: string): string | null {
  if (day < 1 || day > 31) return null;
  const [year, month, current] = today.split('-').map(Number);
  const candidate = new Date(Date.UTC(year, month - (day >= current ? 1 : 0), day));
  if (candidate.getUTCDate() !== day) return null;
  return candidate.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The coming weekday: today when today is that day (a Friday deadline said on Friday is today). */
function nextWeekday(today: string, weekday: number): string {
  const current = new Date(`${today}T00:00:00.000Z`).getUTCDay();
  return addDays(today, (weekday - current + 7) % 7);
}

/** "Mar 14" said in December is next year's March 14. */
function nextMonthDay(today: string, month: number, day: number): string | null {
  const year = Number(today.slice(0, 4));
  for (const candidateYear of [year, year + 1]) {
    const candidate = validDate(
      `${candidateYear}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    );
    if (candidate === null) return null;
    if (candidate >= today) return candidate;
  }
  return null;
}

function validDate(iso: string): string | null {
  const date = new Date(`${iso}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}
