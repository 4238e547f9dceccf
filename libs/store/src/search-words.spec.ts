import { foldedWords, foldWord, queryWords } from './search-words';
import { matchesFilter, prefixFilter, searchIndexSpecs, withSearchWords } from './mongo/mongo-search';

describe('queryWords', () => {
  it.each<[string, string[]]>([
    ['deploy', ['deploy']],
    ['  Kafka   consumers ', ['Kafka', 'consumers']],
    ['kafka kafka', ['kafka']],
    [
      '"ssl certificate" -key OR NEAR(a b) col:x ^y *z',
      ['ssl', 'certificate', 'key', 'OR', 'NEAR', 'a', 'b', 'col', 'x', 'y', 'z'],
    ],
    ["O'Brien e-mail v2.3 snake_case", ['O', 'Brien', 'e', 'mail', 'v2', '3', 'snake', 'case']],
    ['café cafe\u0301 ÉCLAIR', ['café', 'cafe\u0301', 'ÉCLAIR']],
    ['東京タワー 🚀rocket', ['東京タワー', 'rocket']],
    ['*** "" --- \u0301', []],
    ['', []],
  ])('%j → %j', (query, words) => {
    expect(queryWords(query)).toEqual(words);
  });
});

describe('foldWord and foldedWords', () => {
  it('fold case and diacritics, composed or not', () => {
    expect(['Café', 'cafe\u0301', 'CAFÉ', 'cafe'].map(foldWord)).toEqual(['cafe', 'cafe', 'cafe', 'cafe']);
    expect(['Ångström', 'Dvořák', 'naïve', 'İstanbul', 'Über'].map(foldWord)).toEqual([
      'angstrom',
      'dvorak',
      'naive',
      'istanbul',
      'uber',
    ]);
  });

  it('list each word of a text once', () => {
    expect(foldedWords('Ship the Éclair release; the RELEASE ships.')).toEqual([
      'ship',
      'the',
      'eclair',
      'release',
      'ships',
    ]);
  });
});

describe('MongoDB search words', () => {
  it('are stored with documents of a collection with a text index only, empty when the text is no string', () => {
    expect(withSearchWords('facts', { id: 'f1', text: 'Deploy the Café, the café' })).toEqual({
      id: 'f1',
      text: 'Deploy the Café, the café',
      _search_words: ['deploy', 'the', 'cafe'],
      // Every word, repeats too: BM25's document length (mongo-ranked-search.ts).
      _search_length: 5,
    });
    expect(withSearchWords('facts', { id: 'f2', text: 42 })).toEqual({
      id: 'f2',
      text: 42,
      _search_words: [],
      _search_length: 0,
    });
    expect(withSearchWords('entities', { id: 'e1', text: 'x' })).toEqual({ id: 'e1', text: 'x' });
  });

  it('have their own index on the collections with a text index only', () => {
    expect(searchIndexSpecs('facts')).toEqual([{ key: { _search_words: 1, _id: 1 } }]);
    expect(searchIndexSpecs('search_entries')).toEqual([{ key: { _search_words: 1, _id: 1 } }]);
    expect(searchIndexSpecs('entities')).toEqual([]);
  });

  it('are matched by anchored prefixes of the folded query words, each required', () => {
    expect(matchesFilter(['Éclair', 'rel'])).toEqual({
      $and: [{ _search_words: { $regex: '^eclair' } }, { _search_words: { $regex: '^rel' } }],
    });
  });
});

describe('MongoDB ranked search', () => {
  it('asks for documents with any of the folded words, each an anchored prefix', () => {
    expect(prefixFilter('eclair')).toEqual({ _search_words: { $regex: '^eclair' } });
    expect(prefixFilter('a.b')).toEqual({ _search_words: { $regex: '^a\\.b' } });
  });
});
