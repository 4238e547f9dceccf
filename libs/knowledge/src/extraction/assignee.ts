import type { LocatedEntity } from './entities';

const EXPLICIT = /\b(?:assigned to|assignee\s*:|owner\s*:|action items?\s*(?:for|:)|todo\s*(?:for|:))\s*/gi;
const REQUEST = /\b(?:can|could|would|will) you\b|\bplease\b|\bpls\b|\bplz\b/i;
const AFTER_NAME =
  /^['’]?\s*(?:,\s*)?(?:will|is going to|to|please|pls|can you|could you|would you|should|needs? to|has to)\b/i;
const SELF_COMMITMENT =
  /(?<![\p{L}'’])i(?:'ll| will|'m going to| am going to| can take| can do|'m on it|'m taking|'ll take| will take)(?![\p{L}'’])/iu;

/**
 * Whom an action item is for: a person named as assignee or owner, a person the request is
 * addressed to, the author committing to it ("I'll ..."), or, for a request in a thread reply that
 * names nobody ("Can you move them to the worker pool?"), the other participant: the author of the
 * message it replies to. Null when none of these says.
 */
export function assigneeOf(
  text: string,
  entities: readonly LocatedEntity[],
  author: string | null,
  repliedTo: string | null = null,
): string | null {
  const people = entities.filter((entity) => entity.type === 'person' && entity.start >= 0);
  for (const match of text.matchAll(EXPLICIT)) {
    const named = people.find(
      (person) => person.start >= match.index && person.start <= match.index + match[0].length + 2,
    );
    if (named) return named.key;
  }
  for (const person of people) {
    if (AFTER_NAME.test(text.slice(person.end))) return person.key;
  }
  const others = people.filter((person) => person.key !== author);
  const addressed = others.find((person) => person.start <= 1);
  if (addressed && REQUEST.test(text)) return addressed.key;
  const distinct = new Set(others.map((person) => person.key));
  if (distinct.size === 1 && REQUEST.test(text)) return others[0].key;
  if (author && SELF_COMMITMENT.test(text)) return author;
  if (repliedTo && repliedTo !== author && distinct.size === 0 && REQUEST.test(text)) return repliedTo;
  return null;
}
