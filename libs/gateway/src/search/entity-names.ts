import type { EntityDoc } from '@atlas/read-models';
import { foldedTokens } from '@atlas/store';
import { isStopWord } from './search-terms';

/** Topics and decisions are what facts say, not who or what they are about: naming one boosts nothing. */
const NAMED_TYPES = new Set(['person', 'team', 'project', 'technology', 'place', 'artifact']);

/**
 * The entities a query names, among `entities`: one of its names (name or alias) has all its words in the query, or
 * its first word is (a first name, "Atlas" for "Atlas v2"), when that word is no stop word and has 3 letters or more.
 */
export function namedEntities(foldedQueryWords: readonly string[], entities: readonly EntityDoc[]): Set<string> {
  const query = new Set(foldedQueryWords);
  const named = new Set<string>();
  for (const entity of entities) {
    if (!NAMED_TYPES.has(entity.type)) continue;
    const names = [entity.name, ...(entity.aliases ?? [])].map(foldedTokens).filter((words) => words.length > 0);
    const namedBy = (words: string[]) =>
      words.every((word) => query.has(word)) || (words[0].length >= 3 && !isStopWord(words[0]) && query.has(words[0]));
    if (names.some(namedBy)) named.add(entity.id);
  }
  return named;
}
