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
