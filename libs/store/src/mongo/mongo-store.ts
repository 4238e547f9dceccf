import { AsyncLocalStorage } from 'node:async_hooks';
import { ClientSession, Collection, Db, Document, Filter, MongoClient, MongoServerError, Sort } from 'mongodb';
import { COLLECTIONS, COLLECTION_NAMES } from '../collections';
import type { FieldCondition, FindOptions, ReadModelStore, Scalar, StoredDocument, Where } from '../store';

const DEFAULT_DATABASE = 'atlas';
const NAMESPACE_EXISTS = 48;
/** Same rule as the SQLite adapter, so a query valid on one is valid on the other (and never names an operator). */
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const RANGE_OPERATORS = ['$gt', '$gte', '$lt', '$lte'] as const;
type RangeOperator = (typeof RANGE_OPERATORS)[number];
/** Documents are stored under `_id` = their `id`; `_id` never leaves this adapter. */
const WITHOUT_ID = { projection: { _id: 0 } };

interface MongoDocument {
  _id: string;
  [field: string]: unknown;
}

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
  ) {}

  /** Connects, detects transaction support and creates the collections and indexes. */
  static async connect(uri: string, dbName = databaseNameOf(uri)): Promise<MongoStore> {
    const client = new MongoClient(uri);
    try {
      await client.connect();
      const db = client.db(dbName);
      const hello = await db.admin().command({ hello: 1 });
      const store = new MongoStore(client, db, typeof hello.setName === 'string' || hello.msg === 'isdbgrid');
      await store.init();
      return store;
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  /** Creates missing collections up front (a transaction may not create one) and the indexes of COLLECTIONS. */
  async init(): Promise<void> {
    const existing = new Set((await this.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
    for (const [name, spec] of Object.entries(COLLECTIONS)) {
      if (!existing.has(name)) await this.db.createCollection(name).catch(ignoreNamespaceExists);
      if (spec.indexes.length === 0) continue;
      await this.db.collection(name).createIndexes(
        spec.indexes.map((fields) => ({ key: Object.fromEntries(fields.map((field) => [field, 1])) })),
      );
    }
  }

  async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
    const doc = await this.collection(collection).findOne({ _id: id }, { ...WITHOUT_ID, session: this.session() });
    return doc && asStored<T>(doc);
  }

  async getMany<T extends StoredDocument>(collection: string, ids: string[]): Promise<T[]> {
    const found = await this.collection(collection)
      .find({ _id: { $in: ids } }, { ...WITHOUT_ID, session: this.session() })
      .toArray();
    const byId = new Map(found.map((doc) => [doc.id as string, asStored<T>(doc)]));
    return [...new Set(ids)].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  async find<T extends StoredDocument>(collection: string, { where, orderBy = [], limit }: FindOptions = {}): Promise<T[]> {
    const target = this.collection(collection);
    const filter = toFilter(where);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
      throw new Error(`limit must be a non-negative integer, got ${limit}`);
    }
    // MongoDB reads limit 0 as "no limit".
    if (limit === 0) return [];
    const cursor = target.find(filter, { ...WITHOUT_ID, sort: toSort(orderBy), session: this.session() });
    if (limit !== undefined) cursor.limit(limit);
    return (await cursor.toArray()).map((doc) => asStored<T>(doc));
  }

  async count(collection: string, where?: Where): Promise<number> {
    return this.collection(collection).countDocuments(toFilter(where), { session: this.session() });
  }

  async put(collection: string, doc: StoredDocument): Promise<void> {
    await this.putMany(collection, [doc]);
  }

  async putMany(collection: string, docs: StoredDocument[]): Promise<void> {
    const target = this.collection(collection);
    docs.forEach(checkId);
    if (docs.length === 0) return;
    await target.bulkWrite(
      docs.map((doc) => ({
        replaceOne: { filter: { _id: doc.id }, replacement: { ...asJson(doc), _id: doc.id } as MongoDocument, upsert: true },
      })),
      { session: this.session() },
    );
  }

  async delete(collection: string, id: string): Promise<void> {
    await this.collection(collection).deleteOne({ _id: id }, { session: this.session() });
  }

  async deleteWhere(collection: string, where: Where): Promise<number> {
    const result = await this.collection(collection).deleteMany(toFilter(where), { session: this.session() });
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
    if (!Object.hasOwn(COLLECTIONS, name)) {
      throw new Error(`Unknown read-model collection "${name}" (known: ${COLLECTION_NAMES.join(', ')})`);
    }
    return this.db.collection<MongoDocument>(name);
  }
}

/** Another process starting at the same time may have created the collection first. */
function ignoreNamespaceExists(error: unknown): void {
  if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
}

/** The database named in the URI's path (mongodb://host/<db>?options), or `atlas`. */
function databaseNameOf(uri: string): string {
  const name = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(uri)?.[1];
  return name ? decodeURIComponent(name) : DEFAULT_DATABASE;
}

function checkId(doc: StoredDocument): void {
  if (typeof doc?.id !== 'string' || doc.id === '') {
    throw new Error(`A stored document needs a non-empty string id, got ${JSON.stringify(doc?.id)}`);
  }
}

/** Stores what SQLite would: the document's JSON form (Dates as strings, undefined fields dropped), never a shared reference. */
function asJson(doc: StoredDocument): Document {
  return JSON.parse(JSON.stringify(doc)) as Document;
}

/** Read with WITHOUT_ID, so the driver's WithId type no longer applies: this is exactly what was put. */
function asStored<T extends StoredDocument>(doc: Document): T {
  return doc as T;
}

function toSort(orderBy: NonNullable<FindOptions['orderBy']>): Sort {
  const sort: Record<string, 1 | -1> = {};
  for (const [path, direction] of orderBy) {
    if (direction !== 'asc' && direction !== 'desc') throw new Error(`Sort direction must be asc or desc, got "${direction}"`);
    sort[mongoPath(path)] ??= direction === 'asc' ? 1 : -1;
  }
  sort._id ??= 1;
  return sort;
}

function toFilter(where: Where = {}): Filter<MongoDocument> {
  const filter: Document = {};
  for (const [path, condition] of Object.entries(where)) {
    const key = mongoPath(path);
    const fieldFilter = toFieldFilter(path, condition);
    if (fieldFilter) filter[key] = fieldFilter;
  }
  return filter as Filter<MongoDocument>;
}

/** One field's condition as a MongoDB operator document; undefined when it constrains nothing (a range without bounds). */
function toFieldFilter(path: string, condition: FieldCondition): Document | undefined {
  if (condition === null || typeof condition !== 'object') return { $eq: scalar(path, condition) };
  const operators = Object.keys(condition);
  if (operators.every((operator) => (RANGE_OPERATORS as readonly string[]).includes(operator))) {
    return toRange(path, condition as Partial<Record<RangeOperator, Scalar>>);
  }
  if (operators.length === 1 && '$in' in condition) {
    if (!Array.isArray(condition.$in)) throw new Error(`$in on "${path}" needs an array, got ${JSON.stringify(condition.$in)}`);
    return { $in: condition.$in.map((value) => scalar(path, value)) };
  }
  if (operators.length === 1 && '$ne' in condition) return { $ne: scalar(path, condition.$ne) };
  if (operators.length === 1 && '$contains' in condition) {
    const value = scalar(path, condition.$contains);
    if (value === null) throw new Error(`$contains on "${path}" needs a value, not null`);
    // Equality on an array field matches arrays holding the value (and uses the multikey index).
    return { $eq: value };
  }
  if (operators.length === 1 && '$includes' in condition) {
    const text = condition.$includes;
    if (typeof text !== 'string') throw new Error(`$includes on "${path}" needs a string, got ${JSON.stringify(text)}`);
    return { $regex: text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' };
  }
  throw new Error(`Unsupported condition on "${path}": ${JSON.stringify(condition)}`);
}

function toRange(path: string, range: Partial<Record<RangeOperator, Scalar>>): Document | undefined {
  const bounds: Document = {};
  for (const operator of RANGE_OPERATORS) {
    const bound = range[operator];
    if (bound === undefined) continue;
    if (bound === null) throw new Error(`${operator} on "${path}" needs a value, not null`);
    bounds[operator] = scalar(path, bound);
  }
  return Object.keys(bounds).length > 0 ? bounds : undefined;
}

function mongoPath(path: string): string {
  if (!FIELD_PATH.test(path)) throw new Error(`Invalid field path "${path}": use dotted names of letters, digits and _`);
  return path === 'id' ? '_id' : path;
}

function scalar(path: string, value: unknown): Scalar {
  const ok =
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value));
  if (!ok) throw new Error(`Condition on "${path}" needs a string, finite number, boolean or null, got ${String(value)}`);
  return value as Scalar;
}
