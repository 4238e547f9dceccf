import { MongoStore } from './mongo/mongo-store';
import { SqliteStore } from './sqlite/sqlite-store';
import type { ReadModelStore } from './store';

export * from './store';
export * from './collections';
export { foldedTokens, foldWord, queryWords } from './search-words';
export { MongoStore } from './mongo/mongo-store';
export { SqliteStore } from './sqlite/sqlite-store';

/** MongoDB when a URI is configured (an empty one counts as none), otherwise the embedded SQLite file. */
export async function openStore(options: { mongodbUri?: string; sqlitePath: string }): Promise<ReadModelStore> {
  return options.mongodbUri ? MongoStore.connect(options.mongodbUri) : SqliteStore.open(options.sqlitePath);
}
