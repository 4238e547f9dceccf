/** A timestamp as the reader's locale writes a date and time. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A snake_case API value for people: "action_item" → "action item". */
export function humanize(value: string): string {
  return value.replace(/_/g, ' ');
}
