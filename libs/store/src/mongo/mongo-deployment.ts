import type { Document } from 'mongodb';

const DEFAULT_DATABASE = 'atlas';

/** The database named in the URI's path (mongodb://host/<db>?options), or `atlas`. */
export function databaseNameOf(uri: string): string {
  const name = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(uri)?.[1];
  return name ? decodeURIComponent(name) : DEFAULT_DATABASE;
}

/** Transactions need a replica set member (it reports its set's name) or a mongos router; a standalone has none. */
export function supportsTransactions(hello: Document): boolean {
  return typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
}

/**
 * FerretDB v1 (its SQLite backend) holds each write's lookup open, on a pooled connection of its own, until the whole
 * command ends: a command of more writes than its pool has connections (100) waits for itself forever, and so does
 * every client after it. Commands stay far below that, so several can run at once. MongoDB needs no limit: it splits
 * a command at its maxWriteBatchSize by itself.
 */
const FERRETDB_WRITES_PER_COMMAND = 16;

/** The most writes one bulk command may carry on the server whose buildInfo this is; undefined for no limit. */
export function writesPerCommand(buildInfo: Document): number | undefined {
  return typeof buildInfo.ferretdbVersion === 'string' ? FERRETDB_WRITES_PER_COMMAND : undefined;
}

/** `items` in runs of at most `size` (one run of all of them when size is undefined). */
export function inRuns<T>(items: T[], size: number | undefined): T[][] {
  if (size === undefined || items.length <= size) return items.length === 0 ? [] : [items];
  const runs: T[][] = [];
  for (let start = 0; start < items.length; start += size) runs.push(items.slice(start, start + size));
  return runs;
}
