import type { FactType } from '@atlas/events';
import type { LocatedEntity } from './entities';
import { requestedWork } from './requests';
import { matchesOf } from './text-ranges';

const EXPLICIT = /\b(?:assigned to|assignee\s*:|owner\s*:|action items?\s*(?:for|:)|todo\s*(?:for|:))\s*/gi;
const REQUEST = /\b(?:can|could|would|will) you\b|\bplease\b|\bpls\b|\bplz\b/i;
const AFTER_NAME =
  /^['’]?\s*(?:,\s*)?(?:will|is going to|to|please|pls|can you|could you|would you|should|needs? to|has to|has an action item)\b/i;
const SELF_COMMITMENT =
  /(?<![\p{L}'’])i(?:'ll| will|'m going to| am going to| can take| can do|'m on it|'m taking|'ll take| will take)(?![\p{L}'’])|^(?:[^,;—–]{0,25}[,;—–]\s*)?(?:ok,?\s*)?(?:looking into|looking at|investigating|fixing|updating|writing|checking|reviewing|adding|drafting|testing|trying|working on)\b/iu;
/** Words that make a request one to a group, never to the one person replied to. */
const GROUP = /\b(?:everyone|everybody|all of you|you all|y'all|folks|guys|each of you|anyone|someone|somebody)\b/i;
/** Work stated without a subject is the author's own: "Done by noon.", "TODO: rotate the keys", "will send it after lunch". */
const OWN_WORK = /^\W*(?:done|todo|to-do|will|going to|gonna|need to|have to|must)\b/i;
/** Between names addressed one after another at the start: "@ana @ben, please …", "Ana and Ben: …". */
const NAME_GAP = /^[\s,:&]*(?:and\s+)?$/i;

/**
 * Who owns what a fact asks or promises: for an action item its assignee (below); for a request phrased
 * as a question ("@ben can you write the postmortem?") the person asked. Null for other facts.
 */
export function ownerOf(
  text: string,
  type: FactType,
  entities: readonly LocatedEntity[],
  author: string | null,
  repliedTo: string | null,
): string | null {
  if (type === 'action_item') return assigneeOf(text, entities, author, repliedTo);
  if (type === 'question' && requestedWork(text) !== null) {
    const owner = assigneeOf(text, entities, author, repliedTo);
    return owner === author ? null : owner;
  }
  return null;
}

/**
 * Whom an action item is for: a person named as assignee or owner, a person the request is
 * addressed to, the author committing to it ("I'll ..."), or, for a request in a thread reply that
 * names nobody ("Can you move them to the worker pool?"), the other participant: the author of the
 * message it replies to. Null when none of these says, and when the request is addressed to several
 * people at once ("@ana @ben @dev please add estimates"): it has no single owner. Never the author
 * asking others ("Please stay on mute").
 */
export function assigneeOf(
  text: string,
  entities: readonly LocatedEntity[],
  author: string | null,
  repliedTo: string | null = null,
): string | null {
  const people = entities.filter((entity) => entity.type === 'person' && entity.start >= 0);
  if (addressedAtOnce(text, people) > 1) return null;
  for (const match of matchesOf(text, EXPLICIT)) {
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
  if (repliedTo && repliedTo !== author && distinct.size === 0 && REQUEST.test(text) && !GROUP.test(text))
    return repliedTo;
  // A request to nobody in particular ("please comment by Thursday") has no owner; never the author who asked.
  if (author && distinct.size === 0 && !REQUEST.test(text) && OWN_WORK.test(text)) return author;
  return null;
}

/** How many different people the text addresses one after another at its start. */
function addressedAtOnce(text: string, people: readonly LocatedEntity[]): number {
  const addressed = new Set<string>();
  let position = 0;
  for (const person of [...people].sort((a, b) => a.start - b.start)) {
    if (!NAME_GAP.test(text.slice(position, person.start).replace(/^@/, ''))) break;
    addressed.add(person.key);
    position = person.end;
  }
  return addressed.size;
}
