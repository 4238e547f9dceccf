import nlp from 'compromise';
import { tagWords } from './batch-readings';
import type { TaggedWord } from './nlp';
import { escapeRegExp } from './text-ranges';

/*
 * What a model's fact text is made of, read from wink-nlp's parts of speech: whether it is a sentence,
 * whether it joins two clauses, and whether a pronoun in it points at nothing the fact names. wink
 * reads a present-tense verb after a noun as a noun at times ("Wake-on-LAN wakes", "the logs show"):
 * where a verb decides, compromise's reading counts too.
 */

const VERBAL = new Set(['VERB', 'AUX']);
/** Words that can head or fill the subject of a clause ("the Atlas v2 launch", "Ben's docs", "it"). */
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM', 'ADJ', 'DET', 'PART']);
const NOUN_HEADS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
/** A demonstrative before one of these is a determiner ("that migration"), not a pronoun. */
const DETERMINED = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those']);
/** Clauses joined by these make two facts; "or" states one choice, so it is left alone. */
const CLAUSE_JOINERS = new Set(['and', 'but']);
const BE = /^(?:is|was|are|were|'s|’s|will|has|had|have|can|could|would|should|may|might|must|seems?|looks?)$/;
/** A relative clause ("the versions that alz1 asked about") belongs to its noun: it opens no clause of its own. */
const RELATIVE = new Set(['that', 'which', 'who', 'whom', 'whose', 'where']);

/** True when the text has a verb: a fact is a proposition, not a fragment ("Great news!", "Fine by Ben."). */
export function hasVerb(text: string): boolean {
  return tagWords(text).some((word) => VERBAL.has(word.pos)) || compromiseView(text).has('#Verb');
}

/**
 * True when two independent clauses, each with its own subject and verb, are joined by "and", "but"
 * or ";" ("Ana merged the fix and Bruno deployed it"). A shared subject ("Ana will review and merge the
 * PR") or joined subjects ("Postgres and Redis are used") is one clause. Either tagger may read a verb
 * as a noun ("the logs show", "the launch moves"), so a side is a clause when either finds one.
 */
export function joinsTwoClauses(text: string): boolean {
  const words = tagWords(text);
  return words.some((_, at) => isClauseJoint(text, words, at, true));
}

/**
 * The text cut into its independent clauses at "and", "but" or ";" ("Ana merged the fix and Bruno
 * deployed it" → "Ana merged the fix", "Bruno deployed it"); one piece when it is a single clause.
 * It reads wink's tags only: a clause it misses stays joined, and extraction stays fast (compromise costs
 * a millisecond a sentence).
 */
export function splitClauses(text: string): string[] {
  const words = tagWords(text);
  const joint = words.findIndex((_, at) => isClauseJoint(text, words, at, false));
  if (joint < 0) return [text];
  const left = text.slice(0, words[joint].start).replace(/[\s,;]+$/, '');
  const right = text.slice(words[joint].end).trim();
  if (left === '' || right === '') return [text];
  return [left, ...splitClauses(right)];
}

/** `thorough`: where wink reads no verb, ask compromise too. */
function isClauseJoint(text: string, words: readonly TaggedWord[], at: number, thorough: boolean): boolean {
  const word = words[at];
  const semicolon = word.text === ';';
  // Only a word between spaces joins: "32bit_and_64bit" in a link does not.
  const spaced = /\s/.test(text[word.start - 1] ?? '') && /\s/.test(text[word.end] ?? '');
  if (!semicolon && !(spaced && word.pos === 'CCONJ' && CLAUSE_JOINERS.has(word.lower))) return false;
  const before = words.slice(0, at);
  const after = words.slice(at + 1);
  if (after.length === 0) return false;
  const left = text.slice(0, word.start);
  // A subject ends at a comma, a colon or a relative word: "a RAID, running …" opens no clause.
  const right = text.slice(after[0].start).split(/[,:()]|\b(?:that|which|who|whom|whose|where)\b/)[0];
  if (!hasSubjectAndVerb(before) && !(thorough && compromiseView(left).has(SUBJECT_AND_VERB))) return false;
  // After a semicolon anything with a verb is a clause; after "and" the clause must open with its subject.
  if (semicolon)
    return (
      after.some((w) => VERBAL.has(w.pos)) || (thorough && compromiseView(text.slice(after[0].start)).has('#Verb'))
    );
  if (opensWithSubjectAndVerb(after)) return true;
  if (!thorough) return false;
  // An inverted question's "the older Tcl and Tk packages before …" reads to compromise as "Tk packages (verb)".
  return !/\?\s*$/.test(text) && compromiseView(right).has(CLAUSE_OPENING);
}

/** A subject (a noun phrase, a pronoun, a number) and then its verb, in compromise's match syntax. */
const CLAUSE_OPENING = '^#Adverb? #Determiner? (#Adjective|#Noun|#Pronoun|#Value|#Possessive)+ #Adverb? #Verb';
const SUBJECT_AND_VERB = '(#Noun|#Pronoun|#Value) #Adverb? #Verb';

/** A verb after a noun: an inverted question's leading "Do" ("Do Ana and Bruno own …") is no clause before "and". */
function hasSubjectAndVerb(words: readonly TaggedWord[]): boolean {
  const subject = words.findIndex((word) => NOUN_HEADS.has(word.pos));
  return subject >= 0 && words.slice(subject + 1).some((word) => VERBAL.has(word.pos));
}

/**
 * compromise's reading of the text, a hyphenated word read as one noun: it splits "64-bit" into "64"
 * and the verb "bit".
 */
function compromiseView(text: string): { has(match: string): boolean } {
  const hyphenated = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;
  return nlp(text.replace(hyphenated, 'thing')) as unknown as { has(match: string): boolean };
}

function opensWithSubjectAndVerb(words: readonly TaggedWord[]): boolean {
  let at = 0;
  while (at < words.length && words[at].pos === 'ADV') at += 1;
  const start = at;
  let head = false;
  while (at < words.length) {
    const word = words[at];
    // wink reads a noun after "the" as a verb at times ("the deploy is done").
    const afterDeterminer = at > start && words[at - 1].pos === 'DET';
    if ((NOMINAL.has(word.pos) || afterDeterminer) && !RELATIVE.has(word.lower)) {
      head ||= NOUN_HEADS.has(word.pos) || afterDeterminer;
      at += 1;
    } else break;
  }
  if (!head) return false;
  while (at < words.length && words[at].pos === 'ADV') at += 1;
  return at < words.length && VERBAL.has(words[at].pos);
}

/** Plural verb forms a single person never takes, capitalized too (a question starts with one). */
const PLURAL_VERBS = `(?:${[
  'do',
  "don't",
  'don’t',
  'have',
  "haven't",
  'haven’t',
  'are',
  "aren't",
  'aren’t',
  'were',
  "weren't",
  'weren’t',
]
  .flatMap((verb) => [verb, verb[0].toUpperCase() + verb.slice(1)])
  .join('|')})`;

/**
 * The words where a plural verb goes with one person, as a pronoun rewrite leaves them: "How do Gus
 * submit expenses?", "Gus have the keys". Null when none does. A person joined to another ("Ana and
 * Gus have") or owning something ("do Gus's tests") is not the verb's subject alone.
 */
export function pluralVerbWithPerson(text: string, personNames: readonly string[]): string | null {
  const names = [...new Set(personNames.flatMap((name) => [name.trim(), name.trim().split(/\s+/)[0]]))]
    .filter((name) => name !== '')
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  if (names.length === 0) return null;
  const name = `(?:${names.join('|')})`;
  const edge = '(?![\\p{L}\\p{N}])';
  // Inverted, the person is the whole subject when a lowercase verb follows: not "Ana Lima and …", not "Gus's".
  const inverted = new RegExp(`(?<![\\p{L}\\p{N}])${PLURAL_VERBS}\\s+${name}(?=\\s+(?!(?:and|or)\\b)\\p{Ll})`, 'u');
  const subject = new RegExp(`(?<!(?:\\band|&|,)\\s*)(?<![\\p{L}\\p{N}])${name}\\s+${PLURAL_VERBS}${edge}`, 'u');
  return (inverted.exec(text) ?? subject.exec(text))?.[0] ?? null;
}
