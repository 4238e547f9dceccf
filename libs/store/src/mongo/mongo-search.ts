import type { AnyBulkWriteOperation, Db, Document, Filter, IndexDescription } from 'mongodb';
import { COLLECTION_NAMES, CollectionName, searchFieldOf } from '../collections';
import { foldedTokens, foldedWords, foldWord } from '../search-words';

/**
 * Full-text search on MongoDB: each document of a collection with a `search` field also stores that field's distinct
 * folded words (lower case, no diacritics) in this hidden array, under an ordinary multikey index. A query word
 * matches as an anchored prefix (`^word`), which the index answers as a range scan.
 *
 * Not a MongoDB text index with `$text`: that matches whole stemmed words only, ORs the words of a query, and
 * would give different answers from the SQLite adapter for the same query; it cannot match a prefix at all.
 * The array is written with the document itself, so it is as current as the document, in or out of transactions.
 */
export const SEARCH_WORDS_FIELD = '_search_words';
/** How many words (with repeats) the field holds: BM25's document length (mongo-ranked-search.ts). */
export const SEARCH_LENGTH_FIELD = '_search_length';
const BACKFILL_BATCH = 500;

/** The stored form of `doc` in `collection`: with its search words when the collection has a text index. */
export function withSearchWords(collection: CollectionName, doc: Document): Document {
  const field = searchFieldOf(collection);
  if (field === undefined) return doc;
  return { ...doc, ...searchFieldsOf(doc, field) };
}

/** The extra index of a collection with a text index (ending with `_id`, like every other, see indexSpecs). */
export function searchIndexSpecs(collection: CollectionName): IndexDescription[] {
  return searchFieldOf(collection) === undefined ? [] : [{ key: { [SEARCH_WORDS_FIELD]: 1, _id: 1 } }];
}

/** Every word of the query begins one of the document's words; no word matches nothing. */
export function matchesFilter(words: string[]): Filter<Document> {
  if (words.length === 0) return { [SEARCH_WORDS_FIELD]: { $in: [] } };
  return { $and: words.map((word) => prefixFilter(foldWord(word))) };
}

/** Some word of the document begins with this folded word. */
export function prefixFilter(folded: string): Filter<Document> {
  return { [SEARCH_WORDS_FIELD]: { $regex: `^${escapeRegex(folded)}` } };
}

/**
 * Gives every document stored before its collection had a text index its search words, in batches. Documents put
 * since always carry the field (an empty array when the text is missing), so later starts find nothing to do.
 */
export async function backfillSearchWords(db: Db, writesPerCommand = BACKFILL_BATCH): Promise<void> {
  for (const collection of COLLECTION_NAMES) {
    const field = searchFieldOf(collection);
    if (field === undefined) continue;
    const target = db.collection(collection);
    const missing = target.find(
      { $or: [{ [SEARCH_WORDS_FIELD]: { $exists: false } }, { [SEARCH_LENGTH_FIELD]: { $exists: false } }] },
      { projection: { [field]: 1 } },
    );
    let batch: AnyBulkWriteOperation<Document>[] = [];
    for await (const doc of missing) {
      batch.push({
        updateOne: { filter: { _id: doc._id }, update: { $set: searchFieldsOf(doc, field) } },
      });
      if (batch.length === writesPerCommand) {
        await target.bulkWrite(batch, { ordered: false });
        batch = [];
      }
    }
    if (batch.length > 0) await target.bulkWrite(batch, { ordered: false });
  }
}

function searchFieldsOf(doc: Document, path: string): Document {
  const text = searchTextOf(doc, path);
  return {
    [SEARCH_WORDS_FIELD]: text === null ? [] : foldedWords(text),
    [SEARCH_LENGTH_FIELD]: text === null ? 0 : foldedTokens(text).length,
  };
}

/** The searched field's text, null when it is missing or not a string (then no word of it is indexed). */
export function searchTextOf(doc: Document, path: string): string | null {
  const value = path.split('.').reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), doc);
  return typeof value === 'string' ? value : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
