/**
 * The one interface every read model is written and read through. Two adapters implement it:
 * SQLite (node:sqlite, one file, the embedded default) and MongoDB (the official driver).
 *
 * Documents are JSON objects with a string `id`. Queries are deliberately small: equality, `$in`,
 * ranges, `$ne`, array containment, case-insensitive substring and full-text word match on (dotted) fields,
 * sorted and limited.
 * Every field a query filters or sorts on in production is indexed (see collections.ts).
 */
export type Scalar = string | number | boolean | null;

export type FieldCondition =
  | Scalar
  | { $in: Scalar[] }
  | { $ne: Scalar }
  | { $gt?: Scalar; $gte?: Scalar; $lt?: Scalar; $lte?: Scalar }
  /** The field is an array that contains this value. */
  | { $contains: Scalar }
  /** The field is a string containing this text, compared case-insensitively. */
  | { $includes: string }
  /**
   * Full-text search through the collection's text index (only on the field COLLECTIONS names as its `search`):
   * every word of the query begins a word of the field, ignoring case and diacritics. Anything that is not a
   * letter or digit only separates words, so no input is query syntax; a query without words matches nothing.
   */
  | { $matches: string };

/** Conditions on fields (dotted paths reach into nested objects); all must hold. */
export type Where = Record<string, FieldCondition>;

export type SortDirection = 'asc' | 'desc';

export interface FindOptions {
  where?: Where;
  /** Sort keys in priority order. Ties are broken by `id` ascending, so paging is stable. */
  orderBy?: Array<[field: string, direction: SortDirection]>;
  limit?: number;
}

/**
 * A ranked full-text search (ReadModelStore.search): documents of which ANY word of `text` begins a word of the
 * collection's search field, best first by BM25 over the whole collection (k1 = 1.2, b = 0.75, as SQLite FTS5's
 * bm25()), ties by `id`. Words are read as `$matches` reads them (search-words.ts); a text without words finds nothing.
 */
export interface RankedSearchOptions {
  text: string;
  /** Conditions the documents must also meet (no `$matches`: the search is the text condition). */
  where?: Where;
  /** At most this many documents, the best ones. */
  limit: number;
}

export interface RankedDocument<T extends StoredDocument> {
  doc: T;
  /** BM25: higher is better, always > 0 for a document that matches. */
  score: number;
}

export interface StoredDocument {
  id: string;
  [field: string]: unknown;
}

export interface ReadModelStore {
  /** 'sqlite' or 'mongodb'. */
  readonly kind: string;
  get<T extends StoredDocument>(collection: string, id: string): Promise<T | null>;
  getMany<T extends StoredDocument>(collection: string, ids: string[]): Promise<T[]>;
  find<T extends StoredDocument>(collection: string, options?: FindOptions): Promise<T[]>;
  count(collection: string, where?: Where): Promise<number>;
  /** Ranked full-text search on the collection's search field (see RankedSearchOptions). */
  search<T extends StoredDocument>(collection: string, options: RankedSearchOptions): Promise<RankedDocument<T>[]>;
  /** Inserts or replaces whole documents. */
  put(collection: string, doc: StoredDocument): Promise<void>;
  putMany(collection: string, docs: StoredDocument[]): Promise<void>;
  delete(collection: string, id: string): Promise<void>;
  /** Deletes every matching document and returns how many there were. */
  deleteWhere(collection: string, where: Where): Promise<number>;
  /**
   * Runs `work` so that its writes land together: one SQLite transaction, or a MongoDB transaction when
   * the server supports them (replica set). On a standalone MongoDB the writes run in order without
   * atomicity; projections are idempotent per document, so a redelivered event completes a partial write.
   */
  transaction<T>(work: (tx: ReadModelStore) => Promise<T>): Promise<T>;
  /** Removes every document of the given collections (all collections when omitted). */
  clear(collections?: string[]): Promise<void>;
  /** Cheap round trip used by health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
