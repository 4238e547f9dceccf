/** An instant as the API writes it: ISO 8601 in UTC, to the second (`2026-04-13T10:30:00Z`). */
export function isoSeconds(at: Date | string): string {
  return (typeof at === 'string' ? at : at.toISOString()).replace(/\.\d{3}Z$/, 'Z');
}
