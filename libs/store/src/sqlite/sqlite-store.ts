import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { COLLECTIONS, COLLECTION_NAMES } from '../collections';
import type { FieldCondition, FindOptions, ReadModelStore, Scalar, StoredDocument, Where } from '../store';

/** How long a write waits for another process's write lock on the same file before failing. */
const BUSY_TIMEOUT_MS = 5_000;
/** Paths are spliced into SQL (index expressions must match query expressions literally), so only plain names pass. */
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const RANGE_SQL = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;
type RangeOperator = keyof typeof RANGE_SQL;

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
      // SQLite's lower() folds ASCII only; names and titles in a chat knowledge base are not all ASCII.
      db.function('unicode_lower', { deterministic: true }, (value) =>
        typeof value === 'string' ? value.toLowerCase() : null,
      );
      db.exec(`BEGIN IMMEDIATE; ${schemaSql()} COMMIT;`);
      return new SqliteStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
    const row = await this.whenFree(() => this.statement(`SELECT doc FROM ${table(collection)} WHERE id = ?`).get(id));
    return row ? (JSON.parse(row.doc as string) as T) : null;
  }

  async getMany<T extends StoredDocument>(collection: string, ids: string[]): Promise<T[]> {
    const sql = `SELECT id, doc FROM ${table(collection)} WHERE id IN (SELECT value FROM json_each(?))`;
    const rows = await this.whenFree(() => this.statement(sql).all(JSON.stringify(ids)));
    const docs = new Map(rows.map((row) => [row.id as string, row.doc as string]));
    return [...new Set(ids)].flatMap((id) => (docs.has(id) ? [JSON.parse(docs.get(id)!) as T] : []));
  }

  async find<T extends StoredDocument>(collection: string, options: FindOptions = {}): Promise<T[]> {
    const query = selectSql(collection, options);
    const rows = await this.whenFree(() => this.statement(query.sql).all(...query.params));
    return rows.map((row) => JSON.parse(row.doc as string) as T);
  }

  async count(collection: string, where?: Where): Promise<number> {
    const filter = whereSql(where);
    const sql = `SELECT count(*) AS n FROM ${table(collection)}${filter.sql}`;
    const row = await this.whenFree(() => this.statement(sql).get(...filter.params));
    return Number(row!.n);
  }

  async put(collection: string, doc: StoredDocument): Promise<void> {
    await this.putMany(collection, [doc]);
  }

  async putMany(collection: string, docs: StoredDocument[]): Promise<void> {
    const upsert = `INSERT INTO ${table(collection)} (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`;
    docs.forEach(checkId);
    if (docs.length === 0) return;
    await this.transaction(async () => {
      for (const doc of docs) this.statement(upsert).run(doc.id, JSON.stringify(doc));
    });
  }

  async delete(collection: string, id: string): Promise<void> {
    const sql = `DELETE FROM ${table(collection)} WHERE id = ?`;
    await this.whenFree(() => this.statement(sql).run(id));
  }

  async deleteWhere(collection: string, where: Where): Promise<number> {
    const filter = whereSql(where);
    const sql = `DELETE FROM ${table(collection)}${filter.sql}`;
    const result = await this.whenFree(() => this.statement(sql).run(...filter.params));
    return Number(result.changes);
  }

  async transaction<T>(work: (tx: ReadModelStore) => Promise<T>): Promise<T> {
    if (this.inTransaction()) return work(this);
    return this.whenFree(() => this.begin(work));
  }

  async clear(collections: string[] = COLLECTION_NAMES): Promise<void> {
    const tables = collections.map(table);
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

function table(collection: string): string {
  if (!Object.hasOwn(COLLECTIONS, collection)) {
    throw new Error(`Unknown read-model collection "${collection}" (known: ${COLLECTION_NAMES.join(', ')})`);
  }
  return collection;
}

function checkId(doc: StoredDocument): void {
  if (typeof doc?.id !== 'string' || doc.id === '') {
    throw new Error(`A stored document needs a non-empty string id, got ${JSON.stringify(doc?.id)}`);
  }
}

function selectSql(collection: string, { where, orderBy = [], limit }: FindOptions): Fragment {
  const filter = whereSql(where);
  const sortKeys = orderBy.map(([path, direction]) => {
    if (direction !== 'asc' && direction !== 'desc') throw new Error(`Sort direction must be asc or desc, got "${direction}"`);
    return `${fieldExpression(checkedPath(path))} ${direction.toUpperCase()}`;
  });
  let sql = `SELECT doc FROM ${table(collection)}${filter.sql} ORDER BY ${[...sortKeys, 'id ASC'].join(', ')}`;
  const params = [...filter.params];
  if (limit !== undefined) {
    if (!Number.isInteger(limit) || limit < 0) throw new Error(`limit must be a non-negative integer, got ${limit}`);
    sql += ' LIMIT ?';
    params.push(limit);
  }
  return { sql, params };
}

function whereSql(where: Where = {}): Fragment {
  const clauses: string[] = [];
  const params: SQLInputValue[] = [];
  for (const [path, condition] of Object.entries(where)) {
    const clause = conditionSql(checkedPath(path), condition);
    if (!clause) continue;
    clauses.push(clause.sql);
    params.push(...clause.params);
  }
  return { sql: clauses.length > 0 ? ` WHERE ${clauses.join(' AND ')}` : '', params };
}

/** One field's condition as SQL; undefined when it constrains nothing (a range without bounds). */
function conditionSql(path: string, condition: FieldCondition): Fragment | undefined {
  const field = fieldExpression(path);
  if (condition === null || typeof condition !== 'object') return equalsSql(field, scalar(path, condition));
  const operators = Object.keys(condition);
  if (operators.every((operator) => Object.hasOwn(RANGE_SQL, operator))) {
    return rangeSql(path, field, condition as Partial<Record<RangeOperator, Scalar>>);
  }
  if (operators.length === 1 && '$in' in condition) return inSql(path, field, condition.$in);
  if (operators.length === 1 && '$ne' in condition) {
    const value = scalar(path, condition.$ne);
    return value === null ? { sql: `${field} IS NOT NULL`, params: [] } : { sql: `${field} IS NOT ?`, params: [bind(value)] };
  }
  if (operators.length === 1 && '$contains' in condition) {
    const value = scalar(path, condition.$contains);
    if (value === null) throw new Error(`$contains on "${path}" needs a value, not null`);
    return { sql: `EXISTS (SELECT 1 FROM json_each(doc, ${jsonPath(path)}) WHERE value = ?)`, params: [bind(value)] };
  }
  if (operators.length === 1 && '$includes' in condition) {
    const text = condition.$includes;
    if (typeof text !== 'string') throw new Error(`$includes on "${path}" needs a string, got ${JSON.stringify(text)}`);
    return { sql: `instr(unicode_lower(${field}), ?) > 0`, params: [text.toLowerCase()] };
  }
  throw new Error(`Unsupported condition on "${path}": ${JSON.stringify(condition)}`);
}

/** `null` matches a null or missing field, as in MongoDB. */
function equalsSql(field: string, value: Scalar): Fragment {
  return value === null ? { sql: `${field} IS NULL`, params: [] } : { sql: `${field} = ?`, params: [bind(value)] };
}

function inSql(path: string, field: string, values: Scalar[]): Fragment {
  if (!Array.isArray(values)) throw new Error(`$in on "${path}" needs an array, got ${JSON.stringify(values)}`);
  const present = values.map((value) => scalar(path, value)).filter((value) => value !== null);
  // json_each turns JSON true/false into 1/0, the same values json_extract gives for stored booleans.
  const alternatives = present.length > 0 ? [`${field} IN (SELECT value FROM json_each(?))`] : [];
  if (present.length < values.length) alternatives.push(`${field} IS NULL`);
  if (alternatives.length === 0) return { sql: 'FALSE', params: [] };
  const params = present.length > 0 ? [JSON.stringify(present)] : [];
  return { sql: alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`, params };
}

function rangeSql(path: string, field: string, range: Partial<Record<RangeOperator, Scalar>>): Fragment | undefined {
  const clauses: string[] = [];
  const params: SQLInputValue[] = [];
  for (const operator of Object.keys(RANGE_SQL) as RangeOperator[]) {
    if (range[operator] === undefined) continue;
    const bound = scalar(path, range[operator]);
    if (bound === null) throw new Error(`${operator} on "${path}" needs a value, not null`);
    clauses.push(`${field} ${RANGE_SQL[operator]} ?`);
    params.push(bind(bound));
  }
  return clauses.length > 0 ? { sql: clauses.join(' AND '), params } : undefined;
}

function checkedPath(path: string): string {
  if (!FIELD_PATH.test(path)) throw new Error(`Invalid field path "${path}": use dotted names of letters, digits and _`);
  return path;
}

function jsonPath(path: string): string {
  return `'$.${path}'`;
}

/** The one spelling of a field used by indexes and queries alike, so the planner can match them. */
function fieldExpression(path: string): string {
  return path === 'id' ? 'id' : `json_extract(doc, ${jsonPath(path)})`;
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

/** json_extract returns JSON booleans as 1/0, so booleans are compared as those. */
function bind(value: Exclude<Scalar, null>): SQLInputValue {
  return typeof value === 'boolean' ? Number(value) : value;
}
