import { AsyncLocalStorage } from 'node:async_hooks';
import { ClientSession, Collection, Db, Document, Filter, MongoClient, MongoServerError } from 'mongodb';
import { checkCollection, checkSearchField, COLLECTIONS, COLLECTION_NAMES, searchFieldOf } from '../collections';
import { checkIds, inRequestedOrder } from '../documents';
import { checkLimit } from '../find-options';
import { queryWords } from '../search-words';
import type { FindOptions, RankedDocument, RankedSearchOptions, ReadModelStore, StoredDocument, Where } from '../store';
import { parseWhere } from '../where';
import { databaseNameOf, inRuns, supportsTransactions, writesPerCommand } from './mongo-deployment';
import { indexNameOf, indexSpecs, MongoDocument, toFilter, toSort } from './mongo-query';
import { mongoRankedSearch } from './mongo-ranked-search';
import {
  backfillSearchWords,
  SEARCH_LENGTH_FIELD,
  SEARCH_WORDS_FIELD,
  searchIndexSpecs,
  withSearchWords,
} from './mongo-search';

const NAMESPACE_EXISTS = 48;
/** `_id` and the search words never leave this adapter: callers get back exactly the document they put. */
const WITHOUT_ID = { projection: { _id: 0, [SEARCH_WORDS_FIELD]: 0, [SEARCH_LENGTH_FIELD]: 0 } };

/**
 * The read-model store on MongoDB. A transaction's `work` runs in a session transaction when the deployment
 * supports them (replica set or mongos); every call made from its async context, through `tx` or this store,
 * carries that session, so no call inside `work` can block on the transaction's own locks.
 */
export class MongoStore implements ReadModelStore {
  readonly kind = 'mongodb';
  private readonly sessions = new AsyncLocalStorage<ClientSession>();

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    /** Whether writes inside `transaction` are atomic; false on a standalone server. */
    readonly supportsTransactions: boolean,
    /** The most writes one bulk command carries (FerretDB); undefined for no limit. */
    private readonly writesPerCommand?: number,
  ) {}

  /** Connects, detects transaction support and creates the collections and indexes. */
  static async connect(uri: string, dbName = databaseNameOf(uri)): Promise<MongoStore> {
    const client = new MongoClient(uri);
    try {
      await client.connect();
      const db = client.db(dbName);
      const hello = await db.admin().command({ hello: 1 });
      const buildInfo = await db.admin().command({ buildInfo: 1 });
      const store = new MongoStore(client, db, supportsTransactions(hello), writesPerCommand(buildInfo));
      await store.init();
      return store;
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  /**
   * Creates missing collections up front (a transaction may not create one) and the indexes of COLLECTIONS, and
   * gives documents stored before a collection had its text index their search words.
   */
  async init(): Promise<void> {
    const existing = new Set((await this.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
    for (const [name, spec] of Object.entries(COLLECTIONS)) {
      if (!existing.has(name)) await this.db.createCollection(name).catch(ignoreNamespaceExists);
      const indexes = [...indexSpecs(spec), ...searchIndexSpecs(checkCollection(name))];
      // Only the missing ones: asking again for indexes that exist is a no-op on MongoDB, but FerretDB v1
      // drops the connection on it (a panic) when there are two or more.
      const present = new Set((await this.db.collection(name).listIndexes().toArray()).map((index) => index.name));
      const missing = indexes.filter((index) => !present.has(indexNameOf(index)));
      if (missing.length > 0) await this.db.collection(name).createIndexes(missing);
    }
    await backfillSearchWords(this.db, this.writesPerCommand);
  }

  async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
    const doc = await this.collection(collection).findOne({ _id: id }, { ...WITHOUT_ID, session: this.session() });
    return doc && asStored<T>(doc);
  }

  async getMany<T extends StoredDocument>(collection: string, ids: string[]): Promise<T[]> {
    const found = await this.collection(collection)
      .find({ _id: { $in: ids } }, { ...WITHOUT_ID, session: this.session() })
      .toArray();
    return inRequestedOrder(ids, new Map(found.map((doc) => [doc.id as string, asStored<T>(doc)])));
  }

  async find<T extends StoredDocument>(collection: string, { where, orderBy, limit }: FindOptions = {}): Promise<T[]> {
    const target = this.collection(collection);
    const filter = toFilter(collection, where);
    const sort = toSort(orderBy);
    checkLimit(limit);
    // MongoDB reads limit 0 as "no limit".
    if (limit === 0) return [];
    const cursor = target.find(filter, { ...WITHOUT_ID, sort, session: this.session() });
    if (limit !== undefined) cursor.limit(limit);
    return (await cursor.toArray()).map((doc) => asStored<T>(doc));
  }

  async count(collection: string, where?: Where): Promise<number> {
    return this.collection(collection).countDocuments(toFilter(collection, where), { session: this.session() });
  }

  async search<T extends StoredDocument>(
    collection: string,
    { text, where, limit }: RankedSearchOptions,
  ): Promise<RankedDocument<T>[]> {
    const name = checkCollection(collection);
    const field = checkSearchField(name, searchFieldOf(name) ?? '');
    checkLimit(limit);
    if (parseWhere(where).some((clause) => clause.kind === 'matches')) {
      throw new Error('search takes its words from text, not $matches');
    }
    return mongoRankedSearch<T>(
      this.db.collection(name),
      { field, words: queryWords(text), filter: toFilter(name, where) as Filter<Document>, limit },
      this.session(),
    );
  }

  async put(collection: string, doc: StoredDocument): Promise<void> {
    await this.putMany(collection, [doc]);
  }

  async putMany(collection: string, docs: StoredDocument[]): Promise<void> {
    const target = this.collection(collection);
    const name = checkCollection(collection);
    checkIds(docs);
    const writes = docs.map((doc) => ({
      replaceOne: {
        filter: { _id: doc.id },
        replacement: { ...withSearchWords(name, asJson(doc)), _id: doc.id } as MongoDocument,
        upsert: true,
      },
    }));
    for (const run of inRuns(writes, this.writesPerCommand)) await target.bulkWrite(run, { session: this.session() });
  }

  async delete(collection: string, id: string): Promise<void> {
    await this.collection(collection).deleteOne({ _id: id }, { session: this.session() });
  }

  async deleteWhere(collection: string, where: Where): Promise<number> {
    const result = await this.collection(collection).deleteMany(toFilter(collection, where), {
      session: this.session(),
    });
    return result.deletedCount;
  }

  async transaction<T>(work: (tx: ReadModelStore) => Promise<T>): Promise<T> {
    if (!this.supportsTransactions || this.session()) return work(this);
    const session = this.client.startSession();
    try {
      return await session.withTransaction(() => this.sessions.run(session, () => work(this)));
    } finally {
      await session.endSession();
    }
  }

  async clear(collections: string[] = COLLECTION_NAMES): Promise<void> {
    const targets = collections.map((name) => this.collection(name));
    for (const target of targets) await target.deleteMany({}, { session: this.session() });
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** The session of the transaction whose `work` this call comes from, while that transaction is still open. */
  private session(): ClientSession | undefined {
    const session = this.sessions.getStore();
    return session?.inTransaction() ? session : undefined;
  }

  private collection(name: string): Collection<MongoDocument> {
    return this.db.collection<MongoDocument>(checkCollection(name));
  }
}

/** Another process starting at the same time may have created the collection first. */
function ignoreNamespaceExists(error: unknown): void {
  if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
}

/** Stores what SQLite would: the document's JSON form (Dates as strings, undefined fields dropped), never a shared reference. */
function asJson(doc: StoredDocument): Document {
  return JSON.parse(JSON.stringify(doc)) as Document;
}

/** Read with WITHOUT_ID, so the driver's WithId type no longer applies: this is exactly what was put. */
function asStored<T extends StoredDocument>(doc: Document): T {
  return doc as T;
}
