import { COLLECTIONS } from '../collections';
import type { Where } from '../store';
import { indexNameOf, indexSpecs, toFilter, toSort } from './mongo-query';

describe('toFilter', () => {
  it.each<[Where | undefined, unknown]>([
    [undefined, {}],
    [
      { type: 'decision', pinned: false },
      { type: { $eq: 'decision' }, pinned: { $eq: false } },
    ],
    [{ note: null }, { note: { $eq: null } }],
    [{ id: 'f3' }, { _id: { $eq: 'f3' } }],
    [{ 'source.author': { $in: ['ana', null] } }, { 'source.author': { $in: ['ana', null] } }],
    [{ note: { $ne: 'draft' } }, { note: { $ne: 'draft' } }],
    [{ score: { $gt: 1, $lte: 3, $lt: undefined } }, { score: { $gt: 1, $lte: 3 } }],
    [{ score: { $gte: undefined } }, {}],
    [{ tags: { $contains: 'release' } }, { tags: { $eq: 'release' } }],
    [{ title: { $includes: 'a.b*(c)?' } }, { title: { $regex: 'a\\.b\\*\\(c\\)\\?', $options: 'i' } }],
    [
      { channel_id: 'c1', text: { $matches: 'Café "NEAR" deplo* -x:y' } },
      {
        channel_id: { $eq: 'c1' },
        $and: ['cafe', 'near', 'deplo', 'x', 'y'].map((word) => ({ _search_words: { $regex: `^${word}` } })),
      },
    ],
    [{ text: { $matches: '*** "" ---' } }, { _search_words: { $in: [] } }],
  ])('translates %j', (where, filter) => {
    expect(toFilter('facts', where)).toStrictEqual(filter);
  });

  it.each<[string, unknown, RegExp]>([
    ['an operator as a path', { $where: 'true' }, /Invalid field path "\$where"/],
    ['an operator inside a path', { 'a.$gt': 1 }, /Invalid field path "a\.\$gt"/],
    ['an unknown operator', { type: { $regex: '.*' } }, /Unsupported condition on "type"/],
    ['an object value', { note: { $ne: { $gt: '' } } }, /Condition on "note" needs a string/],
    [
      '$matches on a field without a text index',
      { title: { $matches: 'x' } },
      /\$matches on "title" needs a text index/,
    ],
    ['$matches with a non-string', { text: { $matches: { $regex: '.' } } }, /\$matches on "text" needs a string/],
  ])('never passes through %s', (_, where, message) => {
    expect(() => toFilter('facts', where as Where)).toThrow(message);
  });
});

describe('toSort', () => {
  it('ends with the _id tie-break', () => {
    expect(toSort()).toStrictEqual({ _id: 1 });
    expect(
      toSort([
        ['channel_id', 'asc'],
        ['score', 'desc'],
      ]),
    ).toStrictEqual({ channel_id: 1, score: -1, _id: 1 });
  });

  it('sorts on id as _id, without a second _id key', () => {
    expect(toSort([['id', 'desc']])).toStrictEqual({ _id: -1 });
    expect(
      toSort([
        ['id', 'desc'],
        ['score', 'asc'],
      ]),
    ).toStrictEqual({ _id: -1, score: 1 });
  });

  it('rejects a path that is not dotted names and an unknown direction', () => {
    expect(() => toSort([['$natural', 'asc']])).toThrow(/Invalid field path "\$natural"/);
    expect(() => toSort([['score', 'up' as 'asc']])).toThrow(/direction/);
  });
});

describe('indexSpecs', () => {
  it('appends _id ascending to the fields of each index, in order', () => {
    expect(indexSpecs(COLLECTIONS.jobs)).toStrictEqual([
      { key: { channel_id: 1, requested_seq: 1, _id: 1 } },
      { key: { status: 1, requested_seq: 1, _id: 1 } },
    ]);
    expect(indexSpecs(COLLECTIONS.entities)).toStrictEqual([
      { key: { type: 1, name: 1, _id: 1 } },
      { key: { channel_ids: 1, _id: 1 } },
      { key: { sort_key: 1, _id: 1 } },
    ]);
  });

  it.each(Object.entries(COLLECTIONS))(
    'gives %s one index per entry of COLLECTIONS, each ending with _id',
    (_, spec) => {
      const specs = indexSpecs(spec);
      expect(specs.map((index) => Object.keys(index.key))).toStrictEqual(
        spec.indexes.map((fields) => [...fields, '_id']),
      );
      expect(specs.every((index) => Object.values(index.key).every((direction) => direction === 1))).toBe(true);
    },
  );
});

describe('indexNameOf', () => {
  it('names an index as MongoDB does when it is given no name, or by the name it is given', () => {
    expect(indexNameOf({ key: { channel_id: 1, requested_seq: 1, _id: 1 } })).toBe(
      'channel_id_1_requested_seq_1__id_1',
    );
    expect(indexNameOf({ key: { a: 1 }, name: 'custom' })).toBe('custom');
  });
});
