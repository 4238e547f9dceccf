/**
 * Many words as one regular-expression alternation that prefers the longest word, written as a trie:
 * ["github", "github actions", "gitlab"] → `(?:git(?:hub(?: actions)?|lab))`. It matches exactly what
 * the flat alternation of the words sorted longest first matches: where several words match at one place,
 * one is a prefix of the other, and the trie tries the longer first as the sorted list does. But it reads
 * each character of the text once per place instead of trying every word there, which for a lexicon of
 * hundreds of words is most of the search. `written` gives the pattern of one character of a word.
 */
export function longestFirstAlternation(words: Iterable<string>, written: (character: string) => string): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const character of word) {
      let child = node.next.get(character);
      if (child === undefined) {
        child = { end: false, next: new Map() };
        node.next.set(character, child);
      }
      node = child;
    }
    node.end = true;
  }
  return `(?:${patternOf(root, written)})`;
}

interface TrieNode {
  /** A word ends here. */
  end: boolean;
  next: Map<string, TrieNode>;
}

/** Distinct next characters never match the same text, so their order is free; a longer word is tried first. */
function patternOf(node: TrieNode, written: (character: string) => string): string {
  const branches = [...node.next].map(([character, child]) => written(character) + patternOf(child, written));
  if (branches.length === 0) return '';
  const alternation = branches.length === 1 && !node.end ? branches[0] : `(?:${branches.join('|')})`;
  return node.end ? `${alternation}?` : alternation;
}
