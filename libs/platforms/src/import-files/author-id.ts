import { stableId } from './stable-id';

/**
 * The id of an author a file names but gives no id: made from the connection and the name, so the same
 * name is one person across the channels of one connection (as a platform id would be) and a different
 * person in every other connection — three Johns of three imports stay three people. The name is kept as
 * written (Unicode-normalized, trimmed): "John" and "john" may be two people.
 */
export function nameOnlyAuthorId(connectionId: string, name: string): string {
  return stableId('name-', [connectionId, name.normalize('NFC').trim()]);
}

/** The author id of a row: its own when the file gives one, else one made from the name; null without either. */
export function authorIdOf(connectionId: string, id: string | null, name: string | null): string | null {
  if (id) return id;
  return name ? nameOnlyAuthorId(connectionId, name) : null;
}
