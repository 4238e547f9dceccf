import { GENERIC_NOUNS, type TopicMatch } from './topics';
import { matchesOf } from './text-ranges';

const WORDS = '([\\p{L}][\\p{L}\\p{N}-]*(?: [\\p{L}][\\p{L}\\p{N}-]*){0,2})';
/**
 * "The beta is due on April 4", "Beta moves to April 11": the sentence opens with what the date is
 * for, even when that is a single common noun no other rule would take for a subject.
 */
const DATED_OPENING = new RegExp(
  `^(?:(?:fyi|psa|heads[- ]up|update|reminder|note)\\b[\\s,:—–-]*|[\\p{L}-]+\\s*:\\s*)?(?:the |our )?${WORDS} (?:(?:is|are) (?:now )?(?:due|scheduled|planned|set|targeted)|(?:is |are )?(?:moves?|moved|moving|slips?|slipped|pushed|postponed|delayed|rescheduled)|(?:launches|ships|goes live))\\b`,
  'iu',
);
/** "Carla owns the billing service": what is owned follows the verb. */
const OWNED_OBJECT = new RegExp(`\\b(?:owns|will own|now owns|took over|takes over) (?:the |our )?${WORDS}`, 'giu');
/** Words that end what a phrase names: "the billing service now", "the beta on Friday". */
const NOT_A_NAME_WORD =
  /^(?:now|too|also|since|from|until|for|on|in|at|by|to|and|or|but|with|as|of|it|this|that|these|those|everything|anything|something|all|is|are|was|were|will|today|tomorrow|again|instead|going|forward|here|there|then)$/i;

/**
 * Things the sentence's shape makes a subject of: what a date is set for, what someone owns. They
 * give a deadline or an owner a slot that a later message on the same thing supersedes.
 */
export function impliedTopics(text: string): TopicMatch[] {
  const found: TopicMatch[] = [];
  const dated = DATED_OPENING.exec(text);
  if (dated) pushPhrase(found, dated[1], dated.index + dated[0].indexOf(dated[1]));
  for (const owned of matchesOf(text, OWNED_OBJECT)) {
    pushPhrase(found, owned[1], owned.index + owned[0].lastIndexOf(owned[1]));
  }
  return found;
}

function pushPhrase(found: TopicMatch[], phrase: string, start: number): void {
  const words: string[] = [];
  for (const word of phrase.split(' ')) {
    if (NOT_A_NAME_WORD.test(word)) break;
    words.push(word);
  }
  if (words.length === 0 || words.some((word) => GENERIC_NOUNS.has(word.toLowerCase()) || word.length < 3)) return;
  const name = words.join(' ');
  found.push({ name, start, end: start + name.length });
}
