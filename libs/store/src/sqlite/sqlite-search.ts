import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { COLLECTION_NAMES, CollectionName, searchFieldOf } from '../collections';
import { foldWord } from '../search-words';
import { checkedPath } from '../where';

/**
 * The full-text index of a collection with a `search` field: an FTS5 table `<collection>_search` with external
 * content (a view of the collection's rowid and the field's text), so the text is stored once. Triggers on the
 * collection's table keep it in step: every put, delete, deleteWhere and clear updates the index in the same
 * statement, hence in the same transaction as the projection's write, on replay and redelivery alike.
 *
 * `unicode61 remove_diacritics 2` splits on anything but letters and digits and ignores case and diacritics, which
 * is what a search box promises; `trigram` would give substring matching but no word-level ranking later (bm25) and
 * an index about three times the size. Queries match each word as a prefix (`"word"*`).
 *
 * The index refers to rows by rowid. VACUUM may renumber the rowids of a table without an INTEGER PRIMARY KEY;
 * after one, `INSERT INTO <collection>_search(<collection>_search) VALUES('rebuild')` (or `npm run
 * read-models:rebuild`) reindexes from the view.
 */
const TOKENIZER = 'unicode61 remove_diacritics 2';

export function searchTable(collection: CollectionName): string {
  return `${collection}_search`;
}

/**
 * Creates the missing full-text indexes, inside the caller's transaction. One created for a collection that already
 * has documents (a file from before the index existed) is filled from them at once.
 */
export function createSearchIndexes(db: DatabaseSync): void {
  for (const collection of COLLECTION_NAMES) {
    const field = searchFieldOf(collection);
    if (field === undefined) continue;
    const table = searchTable(collection);
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    db.exec(searchSchemaSql(collection, checkedPath(field)));
    if (!exists) db.exec(`INSERT INTO ${table} (${table}) VALUES ('rebuild')`);
  }
}

function searchSchemaSql(collection: CollectionName, field: string): string {
  const table = searchTable(collection);
  const text = (row: string) =>
    `CASE json_type(${row}.doc, '$.${field}') WHEN 'text' THEN json_extract(${row}.doc, '$.${field}') END`;
  const insertNew = `INSERT INTO ${table} (rowid, body) VALUES (new.rowid, ${text('new')});`;
  const deleteOld = `INSERT INTO ${table} (${table}, rowid, body) VALUES ('delete', old.rowid, ${text('old')});`;
  return `
    CREATE VIEW IF NOT EXISTS ${table}_source (doc_rowid, body) AS SELECT rowid, ${text(collection)} FROM ${collection};
    CREATE VIRTUAL TABLE IF NOT EXISTS ${table} USING fts5(
      body, content='${table}_source', content_rowid='doc_rowid', tokenize='${TOKENIZER}'
    );
    CREATE TRIGGER IF NOT EXISTS ${table}_on_insert AFTER INSERT ON ${collection} BEGIN ${insertNew} END;
    CREATE TRIGGER IF NOT EXISTS ${table}_on_delete AFTER DELETE ON ${collection} BEGIN ${deleteOld} END;
    CREATE TRIGGER IF NOT EXISTS ${table}_on_update AFTER UPDATE ON ${collection}
      WHEN old.rowid IS NOT new.rowid OR ${text('old')} IS NOT ${text('new')}
      BEGIN ${deleteOld} ${insertNew} END;`;
}

/**
 * The condition "every word begins a word of the indexed field", on the collection's own rows. Each word is an FTS5
 * string ("..." with " doubled), so no input is query syntax: operators such as OR, NEAR, -, * or : inside it are
 * just text, and the tokenizer folds case and diacritics the way it did when indexing.
 */
export function matchesSql(collection: CollectionName, words: string[]): { sql: string; params: SQLInputValue[] } {
  if (words.length === 0) return { sql: 'FALSE', params: [] };
  const table = searchTable(collection);
  const query = words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' AND ');
  return { sql: `rowid IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ?)`, params: [query] };
}

/**
 * The FTS5 query "any of these words begins a word of the field", each word an FTS5 string as in matchesSql. The
 * words are folded first, so "Café cafe" asks for one term, as the MongoDB adapter counts it.
 */
export function anyWordQuery(words: string[]): string {
  return [...new Set(words.map(foldWord))].map((word) => `"${word.replaceAll('"', '""')}"*`).join(' OR ');
}
