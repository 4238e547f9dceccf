import { createHash } from 'node:crypto';

/**
 * An id made from what a row says, for files that give none: the same row of the same file (or of a
 * newer export of it) always gets the same id. Parts are length-prefixed so that no two different
 * lists of parts hash alike.
 */
export function stableId(prefix: string, parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${Buffer.byteLength(part)}:${part}`);
  return `${prefix}${hash.digest('base64url').slice(0, 22)}`;
}

/**
 * Tells identical rows apart by how many came before them. Identical rows share their time, and an
 * export is written in time order, so only the rows of the current time need remembering: memory
 * holds one instant's rows, whatever the file's size.
 */
export class OccurrenceCounter {
  private time: string | null = null;
  private seen = new Map<string, number>();

  /** 0 for the first row with this key at this time, 1 for the second, ... */
  next(time: string, key: string): number {
    if (time !== this.time) {
      this.time = time;
      this.seen = new Map();
    }
    const occurrence = this.seen.get(key) ?? 0;
    this.seen.set(key, occurrence + 1);
    return occurrence;
  }
}

/** The id of a row that has none: a hash of its author, its time as written, its text and its occurrence. */
export function rowId(prefix: string, counter: OccurrenceCounter, author: string, time: string, text: string): string {
  const key = stableId('', [author, text]);
  return stableId(prefix, [author, time, text, String(counter.next(time, key))]);
}
