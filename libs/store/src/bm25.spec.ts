import { bm25Score } from './bm25';
import { rankDocuments } from './mongo/mongo-ranked-search';
import { foldedTokens, foldWord } from './search-words';
import { SqliteStore } from './sqlite/sqlite-store';
import type { StoredDocument } from './store';

/** The MongoDB adapter scores in JavaScript what SQLite's FTS5 scores in C: both must agree, score for score. */
const DOCS: StoredDocument[] = [
  { id: 'e1', kind: 'fact', text: 'Ana moves the Atlas launch to Friday' },
  { id: 'e2', kind: 'fact', text: 'The launch of Atlas slipped; Atlas needs a new launch date' },
  { id: 'e3', kind: 'message', text: 'Lunch on Friday? Café Noël' },
  { id: 'e4', kind: 'message', text: 'Deploying the gateway, then launching the docs' },
  { id: 'e5', kind: 'message', text: 'cafe CAFÉ café' },
  { id: 'e6', kind: 'message' },
];

describe('BM25 ranked search', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = SqliteStore.open(':memory:');
    await store.putMany('search_entries', DOCS);
  });
  afterEach(() => store.close());

  /** What the MongoDB adapter computes from the same collection's statistics. */
  function inJavaScript(query: string, docs = DOCS, limit = 10) {
    const terms = [...new Set(foldedTokens(query).map(foldWord))];
    const tokens = DOCS.map((doc) => (typeof doc.text === 'string' ? foldedTokens(doc.text) : []));
    const documentFrequency = new Map(
      terms.map((term) => [term, tokens.filter((words) => words.some((word) => word.startsWith(term))).length]),
    );
    const stats = { documents: DOCS.length, totalTokens: tokens.flat().length, documentFrequency };
    return rankDocuments(docs, 'text', terms, stats, limit).map(({ doc, score }) => ({ id: doc.id, score }));
  }

  it.each(['atlas launch', 'launch', 'friday cafe', 'CAFÉ', 'deploy gateway docs', 'Ana'])(
    'SQLite FTS5 and the JavaScript BM25 agree on %j',
    async (query) => {
      const sqlite = (await store.search('search_entries', { text: query, limit: 10 })).map(({ doc, score }) => ({
        id: doc.id,
        score,
      }));
      const javascript = inJavaScript(query);
      expect(sqlite.map((hit) => hit.id)).toEqual(javascript.map((hit) => hit.id));
      sqlite.forEach((hit, i) => expect(hit.score).toBeCloseTo(javascript[i].score, 9));
      expect(sqlite.length).toBeGreaterThan(0);
    },
  );

  it('matches any word, ranks documents with more and rarer matches first', async () => {
    const hits = await store.search('search_entries', { text: 'atlas launch', limit: 10 });
    expect(hits.map((hit) => hit.doc.id)).toEqual(['e2', 'e1', 'e4']);
  });

  it('filters with where, and limits', async () => {
    const hits = await store.search('search_entries', { text: 'launch friday', where: { kind: 'message' }, limit: 1 });
    expect(hits.map((hit) => hit.doc.id)).toEqual(['e3']);
  });

  it('finds nothing for a query without words, and refuses a collection without a text index', async () => {
    expect(await store.search('search_entries', { text: '*** ""', limit: 10 })).toEqual([]);
    await expect(store.search('channels', { text: 'x', limit: 10 })).rejects.toThrow(/text index/);
  });

  it('scores like FTS5 for a document of average length', () => {
    const stats = { documents: 2, totalTokens: 4, documentFrequency: new Map([['a', 1]]) };
    // idf = ln(1.5 / 1.5) = 0, clamped to 1e-6; tf 1, length 2 = average: 1e-6 * 2.2 / 2.2.
    expect(bm25Score(['a', 'b'], ['a'], stats)).toBeCloseTo(1e-6, 12);
  });
});
