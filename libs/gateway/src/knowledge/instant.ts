import { ValidationError } from '@atlas/common';
import { isISO8601, ValidateBy, ValidationOptions } from 'class-validator';

/** A calendar date, or a date and time; a time without an offset is read as UTC. */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** The instant an ISO 8601 date or date-time names, written as stored timestamps are; null if it names none. */
export function toInstant(value: string): string | null {
  if (!INSTANT.test(value) || !isISO8601(value, { strict: true })) return null;
  // Node reads a date-time without an offset as local time: UTC is the same answer on every server.
  const explicit = value.includes('T') && !/(Z|[+-]\d{2}:\d{2})$/.test(value) ? `${value}Z` : value;
  const ms = Date.parse(explicit);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && toInstant(value) !== null,
        defaultMessage: () =>
          '$property must be an ISO 8601 date or date-time, e.g. 2026-03-01 or 2026-03-01T09:30:00Z',
      },
    },
    options,
  );
}

/** `from` inclusive, `to` exclusive, as stored timestamps; an empty or reversed range is a 400. */
export function timeRange(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  const range = {
    from: from === undefined ? undefined : toInstant(from)!,
    to: to === undefined ? undefined : toInstant(to)!,
  };
  if (range.from !== undefined && range.to !== undefined && range.from >= range.to) {
    throw new ValidationError('from must be earlier than to', { from, to });
  }
  return range;
}
