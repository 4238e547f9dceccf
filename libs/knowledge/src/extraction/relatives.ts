import { lexiconTags } from './compromise-lexicon';
import { matchesOf, type TextRange } from './text-ranges';

/**
 * A family member or a pet the author talks about by name: "my sister Jane", "our dog Max", "Max is my
 * dog". They are people of the channel's conversation without a platform identity: their key is made
 * from the author's id, the relation and the name, so the author's Jane is one person across messages and
 * never someone else's Jane or a colleague called Jane.
 */
export interface RelativeMatch extends TextRange {
  name: string;
  /** What the author calls them: "sister", "dog". */
  relation: string;
  pet: boolean;
}

const FAMILY =
  'mother|mom|mum|mommy|mama|father|dad|daddy|papa|sister|brother|sibling|wife|husband|partner|spouse|fianc[eé]e?|girlfriend|boyfriend|son|daughter|kid|child|baby|grandmother|grandma|granny|nan|grandfather|grandpa|grandson|granddaughter|aunt|auntie|uncle|cousin|niece|nephew|stepmom|stepdad|stepson|stepdaughter|(?:mother|father|sister|brother|son|daughter)-in-law';
const PETS =
  'dog|doggo|cat|puppy|pup|kitten|kitty|pet|hamster|rabbit|bunny|parrot|bird|horse|pony|goldfish|fish|turtle|tortoise|guinea pig|ferret|gerbil|lizard|snake';
const PET_WORDS = new RegExp(`^(?:${PETS})$`, 'i');
const AGE = '(?:little|big|older|younger|baby|new|old|eldest|youngest|oldest|twin|two-year-old|rescue)\\s+';
const NAME = "(\\p{Lu}\\p{Ll}+(?:['’]s)?)";
/** "my sister Jane", "our dog, Max", "my little brother Tom's". */
const RELATION_THEN_NAME = new RegExp(
  `\\b(?:[Mm]y|[Oo]ur)\\s+(?:${AGE})?(${FAMILY}|${PETS})(?:,\\s*|\\s+)${NAME}`,
  'gu',
);
/** "a dog named Max", "my cat called Tom", "my dog's name is Max". */
const RELATION_NAMED = new RegExp(
  `\\b(${FAMILY}|${PETS})(?:\\s+(?:named|called)|['’]s\\s+name\\s+is)\\s+${NAME}`,
  'gu',
);
/** "Max is my dog", "Jane, my sister,". */
const NAME_THEN_RELATION = new RegExp(
  `${NAME}(?:\\s+(?:is|was)|,)\\s+(?:my|our)\\s+(?:${AGE})?(${FAMILY}|${PETS})\\b`,
  'gu',
);
/** Words compromise knows as something other than a noun or a name ("my son Said", "my dog Barks") are not names. */
const NOT_NAME_TAGS = new Set([
  'PastTense',
  'PresentTense',
  'Infinitive',
  'Gerund',
  'Modal',
  'Copula',
  'Adverb',
  'Preposition',
  'Conjunction',
  'Determiner',
  'Pronoun',
  'Adjective',
  'QuestionWord',
  'Negative',
]);

/** The family members and pets the text names, each as written (without a possessive). */
export function findRelatives(text: string): RelativeMatch[] {
  const found: RelativeMatch[] = [];
  const add = (relation: string, written: string, nameStart: number): void => {
    const name = written.replace(/['’]s$/, '');
    if (!looksLikeName(name)) return;
    if (found.some((other) => other.start === nameStart)) return;
    const lower = relation.toLowerCase();
    found.push({ name, relation: lower, pet: PET_WORDS.test(lower), start: nameStart, end: nameStart + name.length });
  };
  for (const match of matchesOf(text, RELATION_THEN_NAME)) {
    add(match[1], match[2], match.index + match[0].length - match[2].length);
  }
  for (const match of matchesOf(text, RELATION_NAMED)) {
    add(match[1], match[2], match.index + match[0].length - match[2].length);
  }
  for (const match of matchesOf(text, NAME_THEN_RELATION)) add(match[2], match[1], match.index);
  return found.sort((a, b) => a.start - b.start);
}

function looksLikeName(name: string): boolean {
  return !lexiconTags(name.toLowerCase()).some((tag) => NOT_NAME_TAGS.has(tag));
}
