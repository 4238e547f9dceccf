import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import {
  checkCollection,
  CollectionName,
  checkSearchField,
  COLLECTIONS,
  COLLECTION_NAMES,
  searchFieldOf,
} from '../collections';
import { checkIds, inRequestedOrder } from '../documents';
import { checkLimit, sortKeys } from '../find-options';
import { queryWords } from '../search-words';
import type {
  FindOptions,
  RankedDocument,
  RankedSearchOptions,
  ReadModelStore,
  Scalar,
  StoredDocument,
  Where,
} from '../store';
import { Clause, parseWhere, RangeOperator, Value } from '../where';
import { anyWordQuery, createSearchIndexes, matchesSql, searchTable } from './sqlite-search';

/** How long a write waits for another process's write lock on the same file before failing. */
const BUSY_TIMEOUT_MS = 5_000;
const RANGE_SQL: Record<RangeOperator, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

interface Fragment {
  sql: string;
  params: SQLInputValue[];
}

/** Marks the async context of one transaction's `work`; `open` turns false once it has committed or rolled back. */
interface TransactionScope {
  open: boolean;
}

/**
 * The embedded read-model store: one SQLite file, one table per collection holding JSON documents, with
 * expression indexes on exactly the json_extract expressions the queries use.
 *
 * node:sqlite has one connection and is synchronous, so a transaction's `work` is only isolated because every
 * call from outside its async context waits until it ends: otherwise another request's writes would join it and
 * its reads would see uncommitted rows. Calls from inside `work` (through `tx` or this store) run in it.
 */
export class SqliteStore implements ReadModelStore {
  readonly kind = 'sqlite';
  private readonly statements = new Map<string, StatementSync>();
  private readonly scope = new AsyncLocalStorage<TransactionScope>();
  /** Settles (never rejects) when the open transaction ends. */
  private running?: Promise<void>;

  private constructor(private readonly db: DatabaseSync) {}

  /** Opens (creating if needed) the database file and its folder; ':memory:' gives a private in-memory store. */
  static open(path: string): SqliteStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new DatabaseSync(path);
    try {
      db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.exec('PRAGMA journal_mode = WAL');
      // With WAL, NORMAL never corrupts the file; a power cut may lose the last commits, which the
      // projector replays from its checkpoint (read models are rebuildable from the log).
      db.exec('PRAGMA synchronous = NORMAL');
      // SQLite's lower() folds ASCII only; names and titles in a chat knowledge base are not all ASCII.
      db.function('unicode_lower', { deterministic: true }, (value) =>
        typeof value === 'string' ? value.toLowerCase() : null,
      );
      db.exec(`BEGIN IMMEDIATE; ${schemaSql()}`);
      createSearchIndexes(db);
      db.exec('COMMIT');
      return new SqliteStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
    const sql = `SELECT doc FROM ${checkCollection(collection)} WHERE id = ?`;
    const row = await this.whenFree(() => this.statement(sql).get(id));
    return row ? (JSON.parse(row.doc as string) as T) : null;
  }

  async getMany<T extends StoredDocument>(collection: string, ids: string[]): Promise<T[]> {
    const sql = `SELECT id, doc FROM ${checkCollection(collection)} WHERE id IN (SELECT value FROM json_each(?))`;
    const rows = await this.whenFree(() => this.statement(sql).all(JSON.stringify(ids)));
    return inRequestedOrder(ids, new Map(rows.map((row) => [row.id as string, JSON.parse(row.doc as string) as T])));
  }

  async find<T extends StoredDocument>(collection: string, options: FindOptions = {}): Promise<T[]> {
    const query = selectSql(collection, options);
    const rows = await this.whenFree(() => this.statement(query.sql).all(...query.params));
    return rows.map((row) => JSON.parse(row.doc as string) as T);
  }

  async count(collection: string, where?: Where): Promise<number> {
    const name = checkCollection(collection);
    const filter = whereSql(name, where);
    const sql = `SELECT count(*) AS n FROM ${name}${filter.sql}`;
    const row = await this.whenFree(() => this.statement(sql).get(...filter.params));
    return Number(row!.n);
  }

  async search<T extends StoredDocument>(
    collection: string,
    { text, where, limit }: RankedSearchOptions,
  ): Promise<RankedDocument<T>[]> {
    const name = checkCollection(collection);
    checkSearchField(name, searchFieldOf(name) ?? '');
    checkLimit(limit);
    const words = queryWords(text);
    if (words.length === 0 || limit === 0) return [];
    const table = searchTable(name);
    const clauses = parseWhere(where).map((clause) => {
      if (clause.kind === 'matches')
        throw new Error(`search takes its words from text, not $matches on "${clause.path}"`);
      return clauseSql(name, clause);
    });
    // bm25() is negative, lower is better; the filters only read the collection's own columns (doc, id).
    const sql = `SELECT ${name}.doc AS doc, bm25(${table}) AS bm25_score FROM ${table} JOIN ${name} ON ${name}.rowid = ${table}.rowid
      WHERE ${table} MATCH ?${clauses.map((clause) => ` AND ${clause.sql}`).join('')}
      ORDER BY bm25_score, ${name}.id LIMIT ?`;
    const params = [anyWordQuery(words), ...clauses.flatMap((clause) => clause.params), limit];
    const rows = await this.whenFree(() => this.statement(sql).all(...params));
    return rows.map((row) => ({ doc: JSON.parse(row.doc as string) as T, score: -Number(row.bm25_score) }));
  }

  async put(collection: string, doc: StoredDocument): Promise<void> {
    await this.putMany(collection, [doc]);
  }

  async putMany(collection: string, docs: StoredDocument[]): Promise<void> {
    const name = checkCollection(collection);
    const upsert = `INSERT INTO ${name} (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`;
    checkIds(docs);
    if (docs.length === 0) return;
    await this.transaction(async () => {
      for (const doc of docs) this.statement(upsert).run(doc.id, JSON.stringify(doc));
    });
  }

  async delete(collection: string, id: string): Promise<void> {
    const sql = `DELETE FROM ${checkCollection(collection)} WHERE id = ?`;
    await this.whenFree(() => this.statement(sql).run(id));
  }

  async deleteWhere(collection: string, where: Where): Promise<number> {
    const name = checkCollection(collection);
    const filter = whereSql(name, where);
    const sql = `DELETE FROM ${name}${filter.sql}`;
    const result = await this.whenFree(() => this.statement(sql).run(...filter.params));
    return Number(result.changes);
  }

  async transaction<T>(work: (tx: ReadModelStore) => Promise<T>): Promise<T> {
    if (this.inTransaction()) return work(this);
    return this.whenFree(() => this.begin(work));
  }

  async clear(collections: string[] = COLLECTION_NAMES): Promise<void> {
    const tables = collections.map(checkCollection);
    await this.transaction(async () => {
      for (const name of tables) this.statement(`DELETE FROM ${name}`).run();
    });
  }

  async ping(): Promise<void> {
    this.statement('SELECT 1').get();
  }

  async close(): Promise<void> {
    await this.whenFree(() => {
      if (this.db.isOpen) this.db.close();
    });
  }

  /** SQLite's plan for the query `find` would run, one line per step: shows whether an index is used. */
  explainQueryPlan(collection: string, options: FindOptions = {}): string[] {
    const query = selectSql(collection, options);
    return this.db
      .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
      .all(...query.params)
      .map((row) => row.detail as string);
  }

  /** Starts the transaction and marks it running in one synchronous step, so no other call can slip in between. */
  private begin<T>(work: (tx: ReadModelStore) => Promise<T>): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    const scope: TransactionScope = { open: true };
    const outcome = this.scope.run(scope, () => this.commitOrRollback(work, scope));
    const running = outcome.then(
      () => undefined,
      () => undefined,
    );
    this.running = running;
    void running.then(() => {
      if (this.running === running) this.running = undefined;
    });
    return outcome;
  }

  private async commitOrRollback<T>(work: (tx: ReadModelStore) => Promise<T>, scope: TransactionScope): Promise<T> {
    try {
      const result = await work(this);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    } finally {
      scope.open = false;
    }
  }

  private inTransaction(): boolean {
    return this.scope.getStore()?.open === true;
  }

  /**
   * Runs `statements` once no transaction of another async context is open (at once inside one). They run in the
   * same synchronous step as that check: after any further `await`, another transaction could have begun.
   */
  private async whenFree<T>(statements: () => T): Promise<T> {
    if (!this.inTransaction()) {
      while (this.running) await this.running;
    }
    return statements();
  }

  private statement(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function schemaSql(): string {
  return Object.entries(COLLECTIONS)
    .map(([collection, spec]) =>
      [
        `CREATE TABLE IF NOT EXISTS ${collection} (id TEXT PRIMARY KEY, doc TEXT NOT NULL);`,
        ...spec.indexes.map(
          (fields) =>
            `CREATE INDEX IF NOT EXISTS ${indexName(collection, fields)} ON ${collection} (${fields.map(fieldExpression).join(', ')});`,
        ),
      ].join(' '),
    )
    .join(' ');
}

function indexName(collection: string, fields: string[]): string {
  return `${collection}_by_${fields.join('_').replaceAll('.', '_')}`;
}

function selectSql(collection: string, { where, orderBy, limit }: FindOptions): Fragment {
  const name = checkCollection(collection);
  const filter = whereSql(name, where);
  const sortSql = sortKeys(orderBy).map(({ path, direction }) => `${fieldExpression(path)} ${direction.toUpperCase()}`);
  checkLimit(limit);
  const sql = `SELECT doc FROM ${name}${filter.sql} ORDER BY ${sortSql.join(', ')}`;
  return limit === undefined
    ? { sql, params: filter.params }
    : { sql: `${sql} LIMIT ?`, params: [...filter.params, limit] };
}

function whereSql(collection: CollectionName, where: Where | undefined): Fragment {
  const clauses = parseWhere(where).map((clause) => clauseSql(collection, clause));
  return {
    sql: clauses.length > 0 ? ` WHERE ${clauses.map((clause) => clause.sql).join(' AND ')}` : '',
    params: clauses.flatMap((clause) => clause.params),
  };
}

function clauseSql(collection: CollectionName, clause: Clause): Fragment {
  const field = fieldExpression(clause.path);
  switch (clause.kind) {
    case 'equals':
      // `null` matches a null or missing field, as in MongoDB.
      return clause.value === null
        ? { sql: `${field} IS NULL`, params: [] }
        : { sql: `${field} = ?`, params: [bind(clause.value)] };
    case 'in':
      return inSql(field, clause.values);
    case 'notEquals':
      return clause.value === null
        ? { sql: `${field} IS NOT NULL`, params: [] }
        : { sql: `${field} IS NOT ?`, params: [bind(clause.value)] };
    case 'range':
      return {
        sql: clause.bounds.map(([operator]) => `${field} ${RANGE_SQL[operator]} ?`).join(' AND '),
        params: clause.bounds.map(([, bound]) => bind(bound)),
      };
    case 'contains':
      return {
        sql: `EXISTS (SELECT 1 FROM json_each(doc, ${jsonPath(clause.path)}) WHERE value = ?)`,
        params: [bind(clause.value)],
      };
    case 'includes':
      return { sql: `instr(unicode_lower(${field}), ?) > 0`, params: [clause.text.toLowerCase()] };
    case 'matches':
      checkSearchField(collection, clause.path);
      return matchesSql(collection, clause.words);
  }
}

function inSql(field: string, values: Scalar[]): Fragment {
  const present = values.filter((value) => value !== null);
  // json_each turns JSON true/false into 1/0, the same values json_extract gives for stored booleans.
  const alternatives = present.length > 0 ? [`${field} IN (SELECT value FROM json_each(?))`] : [];
  if (present.length < values.length) alternatives.push(`${field} IS NULL`);
  if (alternatives.length === 0) return { sql: 'FALSE', params: [] };
  const params = present.length > 0 ? [JSON.stringify(present)] : [];
  return { sql: alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`, params };
}

function jsonPath(path: string): string {
  return `'$.${path}'`;
}

/** The one spelling of a field used by indexes and queries alike, so the planner can match them. */
function fieldExpression(path: string): string {
  return path === 'id' ? 'id' : `json_extract(doc, ${jsonPath(path)})`;
}

/** json_extract returns JSON booleans as 1/0, so booleans are compared as those. */
function bind(value: Value): SQLInputValue {
  return typeof value === 'boolean' ? Number(value) : value;
}
