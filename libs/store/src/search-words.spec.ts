import { foldedWords, foldWord, queryWords } from './search-words';
import { matchesFilter, searchIndexSpecs, withSearchWords } from './mongo/mongo-search';

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
    expect(withSearchWords('facts', { id: 'f1', text: 'Deploy the Café' })).toEqual({
      id: 'f1',
      text: 'Deploy the Café',
      _search_words: ['deploy', 'the', 'cafe'],
    });
    expect(withSearchWords('facts', { id: 'f2', text: 42 })).toEqual({ id: 'f2', text: 42, _search_words: [] });
    expect(withSearchWords('entities', { id: 'e1', text: 'x' })).toEqual({ id: 'e1', text: 'x' });
  });

  it('have their own index on facts only', () => {
    expect(searchIndexSpecs('facts')).toEqual([{ key: { _search_words: 1, _id: 1 } }]);
    expect(searchIndexSpecs('entities')).toEqual([]);
  });

  it('are matched by anchored prefixes of the folded query words, each required', () => {
    expect(matchesFilter(['Éclair', 'rel'])).toEqual({
      $and: [{ _search_words: { $regex: '^eclair' } }, { _search_words: { $regex: '^rel' } }],
    });
  });
});
