import type { ReadModelStore, StoredDocument, Where } from '@atlas/store';

/**
 * Full-text search (`$matches`) of the read-model store, the same on every adapter: every word of the query begins a
 * word of the text, case and diacritics ignored; anything but letters and digits only separates words.
 */
const DOCS: StoredDocument[] = [
  { id: 's1', channel_id: 'c1', sort_key: '1', text: 'Deploy the Atlas Gateway on Friday' },
  { id: 's2', channel_id: 'c1', sort_key: '2', text: 'The deployment of Kafka consumers slipped' },
  { id: 's3', channel_id: 'c1', sort_key: '3', text: 'We redeploy nightly; nobody reviews it' },
  { id: 's4', channel_id: 'c2', sort_key: '4', text: 'Café Noël hosts the Éclair release party' },
  { id: 's5', channel_id: 'c2', sort_key: '5', text: 'CAFE menu: cafe, CAFÉ and café crème' },
  { id: 's6', channel_id: 'c1', sort_key: '6', text: 'Gateway OR proxy? Decide NEAR the end: "quoted" and -minus' },
  { id: 's7', channel_id: 'c1', sort_key: '7', text: 42 },
  { id: 's8', channel_id: 'c1', sort_key: '8' },
];

export function describeSearchContract<S extends ReadModelStore>(
  name: string,
  factory: () => Promise<S>,
  options: { atomicTransactions: (store: S) => boolean },
): void {
  describe(`ReadModelStore full-text search: ${name}`, () => {
    let store: S;
    beforeEach(async () => {
      store = await factory();
      await store.putMany('facts', DOCS);
    });
    afterEach(async () => {
      await store.close();
    });

    const found = async (query: string, where: Where = {}) =>
      (await store.find('facts', { where: { ...where, text: { $matches: query } } })).map((doc) => doc.id);

    it.each<[string, string, string[]]>([
      ['a word, also as the start of a longer word (not inside one)', 'deploy', ['s1', 's2']],
      ['a word in any case', 'DePLoY', ['s1', 's2']],
      ['two words, both required, in any order', 'gateway deploy', ['s1']],
      ['a prefix', 'gate', ['s1', 's6']],
      ['accents ignored in the text', 'cafe noel', ['s4']],
      ['accents ignored in the query', 'CAFÉ', ['s4', 's5']],
      ['a decomposed accent in the query', 'e\u0301clair', ['s4']],
      ['accents and case together', 'CRÈME', ['s5']],
      ['quotes as text', '"gateway"', ['s1', 's6']],
      ['an unbalanced quote', '"gateway', ['s1', 's6']],
      ['a star as text', 'gate*', ['s1', 's6']],
      ['NEAR and parentheses as text', 'NEAR(gateway proxy)', ['s6']],
      ['OR as a word, not an operator', 'gateway OR proxy', ['s6']],
      ['OR with words not together', 'gateway OR kafka', []],
      ['AND as a word', 'AND', ['s5', 's6']],
      ['NOT as a word', 'NOT deploy', []],
      ['a minus as text', '-minus', ['s6']],
      ['a column filter as text', 'text:deploy', []],
      ['a trailing colon', 'deploy:', ['s1', 's2']],
      ['a caret as text', '^gateway', ['s1', 's6']],
      ['punctuation only: no words, no match', '*) "" ( - :', []],
      ['an empty query', '', []],
      ['a number that is no string in the document', '42', []],
      ['a word nothing has', 'zebrafish', []],
    ])('%s: %j', async (_, query, expected) => {
      expect(await found(query)).toEqual(expected);
    });

    it('finds the same facts as a case-insensitive substring for whole words that occur only as words', async () => {
      for (const word of ['gateway', 'Kafka', 'release', 'consumers', 'Friday', 'nightly']) {
        const substring = (await store.find('facts', { where: { text: { $includes: word } } })).map((doc) => doc.id);
        expect(substring.length).toBeGreaterThan(0);
        expect(await found(word)).toEqual(substring);
      }
    });

    it('combines with other conditions, sorting and limits, in find, count and deleteWhere', async () => {
      expect(await found('gateway', { channel_id: 'c1' })).toEqual(['s1', 's6']);
      expect(await found('gateway', { channel_id: 'c2' })).toEqual([]);
      const newest = await store.find('facts', {
        where: { channel_id: 'c1', text: { $matches: 'gateway' }, sort_key: { $lt: '9' } },
        orderBy: [['sort_key', 'desc']],
        limit: 1,
      });
      expect(newest.map((doc) => doc.id)).toEqual(['s6']);
      expect(await store.count('facts', { text: { $matches: 'cafe' } })).toBe(2);
      expect(await store.deleteWhere('facts', { text: { $matches: 'café' } })).toBe(2);
      expect(await store.count('facts')).toBe(DOCS.length - 2);
      expect(await found('cafe')).toEqual([]);
    });

    it('follows every write: replaced text, deleted documents, putMany, clear', async () => {
      await store.put('facts', { ...DOCS[0], text: 'Roll back the Atlas Gateway' });
      expect(await found('deploy')).toEqual(['s2']);
      expect(await found('roll back')).toEqual(['s1']);
      await store.delete('facts', 's2');
      expect(await found('deploy')).toEqual([]);
      await store.putMany('facts', [
        { id: 's2', channel_id: 'c1', text: 'Deploy again' },
        { id: 's9', channel_id: 'c1', text: 'deployed' },
      ]);
      expect(await found('deploy')).toEqual(['s2', 's9']);
      await store.put('facts', { id: 's9', channel_id: 'c1' });
      expect(await found('deploy')).toEqual(['s2']);
      await store.clear(['facts']);
      expect(await found('deploy')).toEqual([]);
      await store.put('facts', { id: 's1', text: 'deploy once more' });
      expect(await found('deploy')).toEqual(['s1']);
    });

    it('shows the text of a transaction that was undone as it was before (where transactions are atomic)', async () => {
      const atomic = options.atomicTransactions(store);
      const undone = store.transaction(async (tx) => {
        await tx.put('facts', { ...DOCS[0], text: 'Rewritten entirely' });
        await tx.delete('facts', 's2');
        throw new Error('undone');
      });
      await expect(undone).rejects.toThrow('undone');
      expect(await found('deploy')).toEqual(atomic ? ['s1', 's2'] : []);
      expect(await found('rewritten')).toEqual(atomic ? [] : ['s1']);
    });

    it('never returns its own bookkeeping with a document', async () => {
      expect(await store.get('facts', 's1')).toStrictEqual(DOCS[0]);
      expect(await store.find('facts', { where: { id: 's4' } })).toStrictEqual([DOCS[3]]);
    });

    it.each<[string, string, Where, RegExp]>([
      [
        'a field without a text index',
        'facts',
        { title: { $matches: 'x' } },
        /\$matches on "title" needs a text index/,
      ],
      [
        'a collection without one',
        'entities',
        { text: { $matches: 'x' } },
        /\$matches on "text" needs a text index: it has no text index/,
      ],
      ['a query that is no string', 'facts', { text: { $matches: 7 as unknown as string } }, /needs a string/],
    ])('rejects %s, in deleteWhere too, without deleting anything', async (_, collection, where, message) => {
      await expect(store.find(collection, { where })).rejects.toThrow(message);
      await expect(store.deleteWhere(collection, where)).rejects.toThrow(message);
      expect(await store.count('facts')).toBe(DOCS.length);
    });
  });

  describe(`ReadModelStore ranked search (BM25): ${name}`, () => {
    let store: S;
    const ENTRIES: StoredDocument[] = [
      { id: 'r1', kind: 'fact', channel_id: 'c1', text: 'Ana moves the Atlas launch to Friday' },
      { id: 'r2', kind: 'fact', channel_id: 'c1', text: 'The launch of Atlas slipped; Atlas needs a new launch date' },
      { id: 'r3', kind: 'message', channel_id: 'c2', text: 'Lunch on Friday? Café Noël' },
      { id: 'r4', kind: 'message', channel_id: 'c1', text: 'Deploying the gateway, then launching the docs' },
      { id: 'r5', kind: 'message', channel_id: 'c2' },
    ];
    beforeEach(async () => {
      store = await factory();
      await store.putMany('search_entries', ENTRIES);
    });
    afterEach(async () => {
      await store.close();
    });

    const ranked = async (text: string, where: Where = {}, limit = 10) =>
      (await store.search('search_entries', { text, where, limit })).map(({ doc, score }) => [
        doc.id,
        +score.toFixed(6),
      ]);

    it('finds documents with any word, best first by BM25, with the same scores on every adapter', async () => {
      // "launch" begins a word of 3 documents in 5: its idf is negative, kept at FTS5's floor of 1e-6.
      expect(await ranked('atlas launch')).toEqual([
        ['r2', 0.374806],
        ['r1', 0.314996],
        ['r4', 0.000001],
      ]);
      expect(await ranked('CAFE friday')).toEqual([
        ['r3', 1.540091],
        ['r1', 0.314995],
      ]);
    });

    it('returns documents whole, filtered, limited, and nothing for a query without words', async () => {
      const [best] = await store.search('search_entries', { text: 'launch', where: { kind: 'message' }, limit: 1 });
      expect(best.doc).toStrictEqual(ENTRIES[3]);
      expect(await ranked('friday', { channel_id: 'c2' })).toEqual([['r3', expect.any(Number)]]);
      expect(await ranked('atlas', {}, 1)).toHaveLength(1);
      expect(await ranked('*** ""')).toEqual([]);
    });

    it('follows writes', async () => {
      await store.put('search_entries', { ...ENTRIES[2], text: 'Dinner instead' });
      expect((await ranked('friday')).map(([id]) => id)).toEqual(['r1']);
      await store.delete('search_entries', 'r1');
      expect(await ranked('friday')).toEqual([]);
    });

    it('refuses a collection without a text index and $matches in where', async () => {
      await expect(store.search('entities', { text: 'x', limit: 1 })).rejects.toThrow(/text index/);
      await expect(
        store.search('search_entries', { text: 'x', where: { text: { $matches: 'y' } }, limit: 1 }),
      ).rejects.toThrow(/\$matches/);
    });
  });
}
