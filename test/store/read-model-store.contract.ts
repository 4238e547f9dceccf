import { COLLECTION_NAMES, ReadModelStore, StoredDocument, Where } from '@atlas/store';

export interface ContractOptions<S extends ReadModelStore> {
  kind: string;
  /** Whether an error inside `transaction` undoes its writes: false on a standalone MongoDB (no transactions). */
  atomicTransactions: (store: S) => boolean;
}

/** Five facts covering every kind of value a condition meets: present, null, missing, nested, arrays, non-ASCII. */
const FACTS: StoredDocument[] = [
  {
    id: 'f4',
    channel_id: 'c2',
    type: 'fact',
    score: 2.5,
    title: 'RELEASE notes live in Notion',
    tags: ['release', 7, true],
    source: { timestamp: '2024-01-04T10:00:00Z', author: 'ana' },
    note: 'final',
  },
  {
    id: 'f1',
    channel_id: 'c1',
    type: 'decision',
    score: 3,
    pinned: true,
    title: 'Ship the Éclair release',
    tags: ['release', 'mobile'],
    source: { timestamp: '2024-01-01T10:00:00Z', author: 'ana' },
    note: null,
  },
  {
    id: 'f5',
    channel_id: 'c3',
    type: 'fact',
    score: 10,
    pinned: true,
    title: 'éclair is a pastry',
    source: { timestamp: '2024-01-05T10:00:00Z', author: null },
  },
  {
    id: 'f3',
    channel_id: 'c2',
    type: 'decision',
    score: 2,
    pinned: false,
    title: 'Freeze the API',
    tags: [],
    source: { timestamp: '2024-01-03T10:00:00Z' },
    note: 'draft',
  },
  {
    id: 'f2',
    channel_id: 'c1',
    type: 'question',
    score: 1,
    pinned: false,
    title: 'Who owns billing?',
    tags: ['billing'],
    source: { timestamp: '2024-01-02T10:00:00Z', author: 'ben' },
  },
];

const NESTED: StoredDocument = {
  id: 'n1',
  title: 'Naïve ünïcode 🚀 "quoted" \\ back',
  count: 42,
  ratio: -0.125,
  big: 2 ** 40,
  flag: false,
  nothing: null,
  empty: '',
  list: [1, 'two', { three: [3] }, null, true],
  nested: { deeper: { deepest: { value: 'x', list: [] } }, emptyObject: {} },
};

export function describeReadModelStoreContract<S extends ReadModelStore>(
  name: string,
  factory: () => Promise<S>,
  options: ContractOptions<S>,
): void {
  describe(`ReadModelStore contract: ${name}`, () => {
    let store: S;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    const ids = async (where: Where) => (await store.find('facts', { where })).map((doc) => doc.id);
    const seedFacts = () => store.putMany('facts', FACTS);

    it('reports its kind and answers ping', async () => {
      expect(store.kind).toBe(options.kind);
      await expect(store.ping()).resolves.toBeUndefined();
    });

    describe('documents', () => {
      it('returns exactly the nested document that was put, from get, getMany and find', async () => {
        await store.put('facts', NESTED);
        expect(await store.get('facts', 'n1')).toStrictEqual(NESTED);
        expect(await store.getMany('facts', ['n1'])).toStrictEqual([NESTED]);
        expect(await store.find('facts')).toStrictEqual([NESTED]);
      });

      it('stores the JSON form of a document, not a reference to it', async () => {
        const doc = { id: 'j1', when: new Date('2024-05-01T00:00:00.000Z'), skipped: undefined, nested: { value: 1 } };
        await store.put('facts', doc);
        doc.nested.value = 2;
        expect(await store.get('facts', 'j1')).toStrictEqual({
          id: 'j1',
          when: '2024-05-01T00:00:00.000Z',
          nested: { value: 1 },
        });
      });

      it('returns null for a missing id', async () => {
        await store.put('facts', { id: 'a' });
        expect(await store.get('facts', 'b')).toBeNull();
      });

      it('replaces the whole document on put', async () => {
        await store.put('facts', { id: 'r1', a: 1, b: { c: 2 } });
        await store.put('facts', { id: 'r1', a: 3 });
        expect(await store.get('facts', 'r1')).toStrictEqual({ id: 'r1', a: 3 });
        expect(await store.count('facts')).toBe(1);
      });

      it('rejects documents without a non-empty string id', async () => {
        for (const doc of [{}, { id: 42 }, { id: '' }]) {
          await expect(store.put('facts', doc as unknown as StoredDocument)).rejects.toThrow(/non-empty string id/);
        }
        expect(await store.count('facts')).toBe(0);
      });

      it('putMany writes a batch larger than a server connection pool, and the store answers after it', async () => {
        // FerretDB v1 deadlocked on one command of more than 100 writes (see writesPerCommand).
        const docs = Array.from({ length: 250 }, (_, index) => ({
          id: `bulk-${String(index).padStart(3, '0')}`,
          v: index,
        }));
        await store.putMany('facts', docs);
        await store.putMany(
          'facts',
          docs.map((doc) => ({ ...doc, v: -doc.v })),
        );
        expect(await store.count('facts')).toBe(250);
        expect(await store.get('facts', 'bulk-249')).toStrictEqual({ id: 'bulk-249', v: -249 });
      });

      it('putMany inserts and replaces several documents, and accepts an empty list', async () => {
        await store.putMany('facts', [
          { id: 'a', v: 1 },
          { id: 'b', v: 1 },
        ]);
        await store.putMany('facts', [
          { id: 'b', v: 2 },
          { id: 'c', v: 2 },
        ]);
        await store.putMany('facts', []);
        expect(await store.find('facts')).toStrictEqual([
          { id: 'a', v: 1 },
          { id: 'b', v: 2 },
          { id: 'c', v: 2 },
        ]);
      });

      it('getMany returns found documents once each, in the order asked, skipping missing ids', async () => {
        await seedFacts();
        const found = await store.getMany('facts', ['f3', 'nope', 'f1', 'f3']);
        expect(found.map((doc) => doc.id)).toEqual(['f3', 'f1']);
        expect(found[0]).toStrictEqual(FACTS.find((fact) => fact.id === 'f3'));
        expect(await store.getMany('facts', [])).toEqual([]);
      });

      it('delete removes one document and ignores a missing id', async () => {
        await seedFacts();
        await store.delete('facts', 'f1');
        await store.delete('facts', 'nope');
        expect(await store.get('facts', 'f1')).toBeNull();
        expect(await ids({})).toEqual(['f2', 'f3', 'f4', 'f5']);
      });

      it('deleteWhere deletes the matches only and returns how many there were', async () => {
        await seedFacts();
        expect(await store.deleteWhere('facts', { channel_id: 'c2' })).toBe(2);
        expect(await store.deleteWhere('facts', { channel_id: 'c2' })).toBe(0);
        expect(await ids({})).toEqual(['f1', 'f2', 'f5']);
      });

      it('count counts all documents or the matching ones', async () => {
        await seedFacts();
        expect(await store.count('facts')).toBe(5);
        expect(await store.count('facts', { type: 'decision' })).toBe(2);
        expect(await store.count('facts', { type: 'nope' })).toBe(0);
      });
    });

    describe('conditions', () => {
      beforeEach(seedFacts);

      it.each<[string, Where, string[]]>([
        ['string equality', { type: 'decision' }, ['f1', 'f3']],
        ['number equality', { score: 2 }, ['f3']],
        ['true', { pinned: true }, ['f1', 'f5']],
        ['false (a missing field is not false)', { pinned: false }, ['f2', 'f3']],
        ['null: null or missing', { note: null }, ['f1', 'f2', 'f5']],
        ['dotted path', { 'source.author': 'ana' }, ['f1', 'f4']],
        ['dotted path null: null or missing', { 'source.author': null }, ['f3', 'f5']],
        ['null under a missing parent', { 'meta.deep': null }, ['f1', 'f2', 'f3', 'f4', 'f5']],
        ['the id', { id: 'f3' }, ['f3']],
        ['all conditions together', { channel_id: 'c1', pinned: true }, ['f1']],
        ['$in strings', { type: { $in: ['fact', 'decision'] } }, ['f1', 'f3', 'f4', 'f5']],
        ['$in numbers', { score: { $in: [1, 10] } }, ['f2', 'f5']],
        ['$in booleans', { pinned: { $in: [false] } }, ['f2', 'f3']],
        ['$in with null', { note: { $in: [null, 'final'] } }, ['f1', 'f2', 'f4', 'f5']],
        ['$in on ids', { id: { $in: ['f4', 'f2', 'zz'] } }, ['f2', 'f4']],
        ['$in empty', { type: { $in: [] } }, []],
        ['$ne (missing fields included)', { note: { $ne: 'draft' } }, ['f1', 'f2', 'f4', 'f5']],
        ['$ne boolean', { pinned: { $ne: true } }, ['f2', 'f3', 'f4']],
        ['$ne null: present and not null', { note: { $ne: null } }, ['f3', 'f4']],
        ['$gt', { score: { $gt: 2 } }, ['f1', 'f4', 'f5']],
        ['$gte', { score: { $gte: 2 } }, ['f1', 'f3', 'f4', 'f5']],
        ['$lt', { score: { $lt: 2 } }, ['f2']],
        ['$lte', { score: { $lte: 2 } }, ['f2', 'f3']],
        ['range with two bounds', { score: { $gt: 1, $lt: 3 } }, ['f3', 'f4']],
        [
          'string range on a dotted path',
          { 'source.timestamp': { $gte: '2024-01-02', $lt: '2024-01-04' } },
          ['f2', 'f3'],
        ],
        ['range skips null and missing', { note: { $gte: 'a' } }, ['f3', 'f4']],
        ['range without bounds', { score: { $gt: undefined } }, ['f1', 'f2', 'f3', 'f4', 'f5']],
        ['$contains string', { tags: { $contains: 'release' } }, ['f1', 'f4']],
        ['$contains number', { tags: { $contains: 7 } }, ['f4']],
        ['$contains boolean', { tags: { $contains: true } }, ['f4']],
        ['$contains absent value', { tags: { $contains: 'nothing' } }, []],
        ['$includes any case', { title: { $includes: 'release' } }, ['f1', 'f4']],
        ['$includes non-ASCII in any case', { title: { $includes: 'ÉCLAIR' } }, ['f1', 'f5']],
        ['$includes with regex characters', { title: { $includes: 'billing?' } }, ['f2']],
        ['$includes on a dotted path', { 'source.author': { $includes: 'AN' } }, ['f1', 'f4']],
        ['$includes skips non-strings', { score: { $includes: '2' } }, []],
      ])('%s', async (_, where, expected) => {
        expect(await ids(where)).toEqual(expected);
      });

      it.each<[string, unknown, RegExp]>([
        ['an unknown operator', { type: { $regex: '.*' } }, /Unsupported condition on "type"/],
        ['mixed operators', { type: { $in: ['fact'], $ne: 'decision' } }, /Unsupported condition on "type"/],
        ['a path that is not dotted names', { "type') OR 1=1 --": 'x' }, /Invalid field path/],
        ['an operator as a path', { $where: 'true' }, /Invalid field path "\$where"/],
        ['a null range bound', { score: { $gt: null } }, /\$gt on "score" needs a value, not null/],
        ['$contains null', { tags: { $contains: null } }, /\$contains on "tags" needs a value, not null/],
        [
          'an object value',
          { note: { $ne: { a: 1 } } },
          /Condition on "note" needs a string, finite number, boolean or null/,
        ],
        ['an undefined condition', { channel_id: undefined }, /Condition on "channel_id" needs a string/],
      ])('rejects %s, in deleteWhere too, without deleting anything', async (_, where, message) => {
        await expect(store.find('facts', { where: where as Where })).rejects.toThrow(message);
        await expect(store.deleteWhere('facts', where as Where)).rejects.toThrow(message);
        expect(await store.count('facts')).toBe(5);
      });
    });

    describe('sorting and limits', () => {
      beforeEach(seedFacts);
      const sorted = async (orderBy: Array<[string, 'asc' | 'desc']>, limit?: number) =>
        (await store.find('facts', { orderBy, limit })).map((doc) => doc.id);

      it('orders by id when no sort is given', async () => {
        expect(await sorted([])).toEqual(['f1', 'f2', 'f3', 'f4', 'f5']);
      });

      it('sorts by several keys in priority order', async () => {
        expect(
          await sorted([
            ['channel_id', 'asc'],
            ['score', 'desc'],
          ]),
        ).toEqual(['f1', 'f2', 'f4', 'f3', 'f5']);
      });

      it('breaks ties by id ascending, also under a descending key', async () => {
        expect(await sorted([['type', 'desc']])).toEqual(['f2', 'f4', 'f5', 'f1', 'f3']);
      });

      it('puts null and missing first ascending and last descending', async () => {
        expect(await sorted([['note', 'asc']])).toEqual(['f1', 'f2', 'f5', 'f3', 'f4']);
        expect(await sorted([['note', 'desc']])).toEqual(['f4', 'f3', 'f1', 'f2', 'f5']);
      });

      it('sorts on a dotted path', async () => {
        expect(await sorted([['source.timestamp', 'desc']])).toEqual(['f5', 'f4', 'f3', 'f2', 'f1']);
      });

      it('limits after filtering and sorting; limit 0 returns nothing', async () => {
        expect(await sorted([['score', 'desc']], 2)).toEqual(['f5', 'f1']);
        const page = await store.find('facts', { where: { channel_id: 'c2' }, orderBy: [['score', 'asc']], limit: 1 });
        expect(page.map((doc) => doc.id)).toEqual(['f3']);
        expect(await sorted([], 0)).toEqual([]);
      });

      it('rejects a negative limit and an unknown direction', async () => {
        await expect(store.find('facts', { limit: -1 })).rejects.toThrow(/limit/);
        await expect(store.find('facts', { orderBy: [['score', 'up' as 'asc']] })).rejects.toThrow(/direction/);
      });
    });

    describe('transactions', () => {
      const atomic = () => options.atomicTransactions(store);

      it('commits every write of work and returns its result', async () => {
        await store.put('facts', { id: 'gone' });
        const result = await store.transaction(async (tx) => {
          await tx.put('facts', { id: 'a' });
          await tx.putMany('facts', [{ id: 'b' }]);
          await tx.delete('facts', 'gone');
          expect(await tx.get('facts', 'a')).toStrictEqual({ id: 'a' });
          return 'done';
        });
        expect(result).toBe('done');
        expect(await ids({})).toEqual(['a', 'b']);
      });

      // On a standalone MongoDB there are no transactions: the writes before the error stay, as the interface says.
      it('undoes every write when work throws (only where transactions are atomic)', async () => {
        await store.putMany('facts', [{ id: 'kept', v: 1 }, { id: 'doomed' }]);
        const failing = store.transaction(async (tx) => {
          await tx.put('facts', { id: 'kept', v: 2 });
          await tx.put('facts', { id: 'new' });
          await tx.delete('facts', 'doomed');
          throw new Error('boom');
        });
        await expect(failing).rejects.toThrow('boom');
        if (atomic()) {
          expect(await store.find('facts')).toStrictEqual([{ id: 'doomed' }, { id: 'kept', v: 1 }]);
        } else {
          expect(await store.find('facts')).toStrictEqual([{ id: 'kept', v: 2 }, { id: 'new' }]);
        }
      });

      it('runs a nested transaction inside the outer one (only atomic where transactions are)', async () => {
        const failing = store.transaction(async (tx) => {
          await tx.put('facts', { id: 'outer' });
          const inner = await tx.transaction(async (nested) => {
            await nested.put('facts', { id: 'inner' });
            return 'inner done';
          });
          expect(inner).toBe('inner done');
          throw new Error('outer fails');
        });
        await expect(failing).rejects.toThrow('outer fails');
        expect(await ids({})).toEqual(atomic() ? [] : ['inner', 'outer']);
      });

      it('counts calls through the store itself from inside work as part of the transaction', async () => {
        const failing = store.transaction(async () => {
          await store.put('facts', { id: 'via-store' });
          throw new Error('boom');
        });
        await expect(failing).rejects.toThrow('boom');
        expect(await store.count('facts')).toBe(atomic() ? 0 : 1);
      });

      it('keeps concurrent transactions apart: one failing does not undo the other', async () => {
        const pause = () => new Promise((resolve) => setTimeout(resolve, 10));
        const [ok, failed] = await Promise.allSettled([
          store.transaction(async (tx) => {
            await tx.put('facts', { id: 'ok-1' });
            await pause();
            await tx.put('facts', { id: 'ok-2' });
          }),
          store.transaction(async (tx) => {
            await tx.put('facts', { id: 'failed-1' });
            await pause();
            throw new Error('second fails');
          }),
        ]);
        expect(ok.status).toBe('fulfilled');
        expect(failed).toMatchObject({ status: 'rejected', reason: new Error('second fails') });
        expect(await ids({})).toEqual(atomic() ? ['ok-1', 'ok-2'] : ['failed-1', 'ok-1', 'ok-2']);
      });

      it('hides writes of an open transaction from reads outside it (only where transactions are atomic)', async () => {
        let wrote!: () => void;
        let release!: () => void;
        const written = new Promise<void>((resolve) => (wrote = resolve));
        const gate = new Promise<void>((resolve) => (release = resolve));
        const abandoned = store.transaction(async (tx) => {
          await tx.put('facts', { id: 'uncommitted' });
          wrote();
          await gate;
          throw new Error('abandoned');
        });
        await written;
        const outside = store.get('facts', 'uncommitted');
        release();
        await expect(abandoned).rejects.toThrow('abandoned');
        expect(await outside).toStrictEqual(atomic() ? null : { id: 'uncommitted' });
      });
    });

    describe('clear', () => {
      beforeEach(async () => {
        for (const collection of COLLECTION_NAMES) await store.put(collection, { id: `${collection}-1` });
      });

      it('empties only the given collections', async () => {
        await store.clear(['facts', 'jobs']);
        expect(await store.count('facts')).toBe(0);
        expect(await store.count('jobs')).toBe(0);
        expect(await store.get('channels', 'channels-1')).toStrictEqual({ id: 'channels-1' });
      });

      it('empties every collection when none are given', async () => {
        await store.clear();
        for (const collection of COLLECTION_NAMES) expect(await store.count(collection)).toBe(0);
      });

      it('rejects an unknown collection before clearing any', async () => {
        await expect(store.clear(['facts', 'nope'])).rejects.toThrow(/Unknown read-model collection "nope"/);
        expect(await store.count('facts')).toBe(1);
      });
    });

    it.each<[string, (store: ReadModelStore) => Promise<unknown>]>([
      ['get', (s) => s.get('nope', 'a')],
      ['getMany', (s) => s.getMany('nope', ['a'])],
      ['find', (s) => s.find('nope')],
      ['count', (s) => s.count('nope')],
      ['put', (s) => s.put('nope', { id: 'a' })],
      ['putMany', (s) => s.putMany('nope', [])],
      ['delete', (s) => s.delete('nope', 'a')],
      ['deleteWhere', (s) => s.deleteWhere('nope', {})],
      ['clear', (s) => s.clear(['nope'])],
    ])('%s rejects an unknown collection, naming it', async (_, call) => {
      await expect(call(store)).rejects.toThrow(/Unknown read-model collection "nope" \(known: connections, /);
    });
  });
}
