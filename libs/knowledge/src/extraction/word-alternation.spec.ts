import { escapeRegExp } from './text-ranges';
import { longestFirstAlternation } from './word-alternation';

describe('longestFirstAlternation', () => {
  const words = ['github', 'github actions', 'gitlab', 'git', 'go', 'node.js', 'c++', 'c'];
  const written = (character: string) => (character === ' ' ? '\\s+' : escapeRegExp(character));
  const flat = new RegExp(
    `\\b(?:${[...words]
      .sort((a, b) => b.length - a.length)
      .map((word) => escapeRegExp(word).replace(/ /g, '\\s+'))
      .join('|')})(?![\\w+#])`,
    'gi',
  );
  const trie = new RegExp(`\\b${longestFirstAlternation(words, written)}(?![\\w+#])`, 'gi');
  const found = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((match) => [match.index, match[0]]);

  it('is written as a trie of the words', () => {
    expect(longestFirstAlternation(['ab', 'abc', 'ad'], (character) => character)).toBe('(?:a(?:b(?:c)?|d))');
  });

  it.each([
    'we moved to GitHub  Actions from GitLab',
    'git, go and github',
    'Node.js or c++ or c',
    'githubs gitx gone',
    'github actions-runner',
  ])('finds what the flat alternation, longest first, finds in %j', (text) => {
    expect(found(trie, text)).toEqual(found(flat, text));
  });

  it('falls back to a shorter word when the longer one cannot end there', () => {
    expect(found(trie, 'github actionsx')).toEqual([[0, 'github']]);
  });
});
