import { undecoratedNick } from './addressee';
import { findUrls } from './links';
import { QUOTATION } from './quotations';
import { maskRanges } from './text-ranges';
import { tagWords } from './batch-readings';
import type { TaggedWord } from './nlp';

/**
 * Why a fact text cannot be understood without the chat around it:
 * - `second_person`: a "you" nobody resolved ("you can run it from the live cd");
 * - `reference`: "it", "that", "there", "they" … point at something the text does not name;
 * - `fragment`: no verb, or too few words to state anything ("by name", "hoary", "options?").
 */
export type ContextDependence = 'second_person' | 'reference' | 'fragment';

/** Discourse openers that only tie a line to the one before: dropped from the fact's text. */
/**
 * Openers that only tie a line to the one before. Words that can also start a clause of their own ("OK to
 * drop", "right now", "great news", "sure thing") open only when punctuation follows them.
 */
const OPENER = new RegExp(
  `^(?:(?:(?:well|so(?!\\s+(?:far|much|many|long|that)\\b)|oh|ah|aha|ahh+|ooh|hmm+|hrm+|umm*|uhm*|uh|er|actually|anyway|hey|hello|hi|howdy|lol|haha+|heh|btw|fwiw|and|but|or)\\b(?:[\\s,.!…:;—–-]|\\.\\.\\.)*` +
    `|(?:hope this helps|on it|sure|absolutely|definitely|certainly|agreed|got it|sounds good|thanks|thank you|thx|of course|awesome|perfect|sweet|yay|ok|okay|k|kk|alright|right|wow|great|excellent|cool|nice|neat|also|then|plus)\\b\\s*(?:[,.!…:;—–-]|\\.\\.\\.)(?:[\\s,.!…:;—–-]|\\.\\.\\.)*))+`,
  'i',
);
/** Openers that answer yes or no: they are what an answer says, so an answer keeps them. */
const YES_NO_OPENER = /^(?:yes|yeah|yep|yup|yea|no|nope|nah)\b(?:[\s,.!…:;-]|\.\.\.)*/i;
/** Words that point back at something said before. */
const REFERRING = new Set([
  'it',
  "it's",
  'its',
  'they',
  "they're",
  'them',
  'their',
  'theirs',
  'he',
  'she',
  'him',
  'her',
  'his',
]);
const DEMONSTRATIVES = new Set(['that', "that's", 'this', 'these', 'those']);
const SECOND_PERSON = new Set([
  'you',
  'your',
  'yours',
  'yourself',
  'u',
  'ur',
  "you're",
  "you've",
  "you'll",
  "you'd",
  'ya',
]);
/** "that" after these introduces a clause ("I think that …"), it points at nothing. */
const CLAUSE_INTRODUCERS = new Set(
  `think thinks thought know knows knew sure say says said mean means meant believe believes hope hopes
   guess realize realized realise realised notice noticed noticed seems seem so such shows show showed
   suggest suggests found find read heard hear see saw assume figure figured wish feel felt claim claims
   note noted given except provided now true possible likely clear obvious odd weird strange funny surprising`.split(
    /\s+/,
  ),
);
/** "this week", "that time": a demonstrative before a time word names a time, not something said before. */
const TIME_WORDS = new Set(
  `week weekend morning afternoon evening night year month time day moment summer winter spring autumn fall
   quarter sprint release version days`.split(/\s+/),
);
/** "there is", "there's": existential "there" names no place. */
const EXISTENTIAL_THERE =
  /^(?:is|are|was|were|'s|isn't|aren't|wasn't|weren't|be|been|will|would|should|might|must|may|can|could|seems?|appears?|exists?|has|have|had|ain't|'re)$/;
/** "the other one", "the same thing": they compare with something said before. */
const COMPARING =
  /\bthe (?:other|former|latter|above|previous|one you|thing you)\b|\bthe same(?: thing| one| problem| issue| error)?\s*[.!?]*$/i;
const MIN_WORDS = 3;
/** A line with this many numbers, about half its words or digits, is pasted output ("/dev/sda5 32 2089 16525312 8e Linux LVM"). */
const MAX_NUMBERS = 3;
/** Code in a line: a path, a pipe, an option, a config file, an assignment. */
const CODE =
  /(?:^|\s)\/[\w.-]+\/|\s\|\s|(?:^|\s)--?[a-z]\w*|\b[\w-]+\.(?:conf|list|sh|deb|iso|img|txt|log|cfg|ini|py|desktop)\b|\w=\S/i;
/**
 * Lines that continue a conversation rather than state something: "what about the Add/Remove?",
 * "because the launcher can only launch one command", "might be nmbd starting too early" (no subject).
 */
const ELLIPTICAL =
  /^(?:(?:what|how) about|(?:done|ready|finished) by|about|because|since|while|whereas|cause|coz|cuz|as in|like|except|unless|instead|too|either|nothing to do with|not really|there(?: is|'s| are) also)\b|\b(?:but|and|or|so|because|if)\s*[.…]*$|^(?:might|could|would|should|must|may|will|can|is|was|does|did) (?:be|have|not|also|just|probably|maybe)\b(?![^?]*\?\s*$)/i;
/** Nouns too general to be what an "it" stands for. */
const GENERAL_NOUNS = new Set(
  `im way bit lot lots thing things stuff time times one someone anyone something anything everything people guys
   idea problem question help kind sort`.split(/\s+/),
);

/** The text without the openers that only tie it to the line before ("well,", "oh,", "so …"); yes and no stay. */
export function withoutOpeners(text: string): string {
  let rest = text;
  for (let previous = ''; previous !== rest;) {
    previous = rest;
    // "yes but the hardware …": a yes or no before an opener goes with it; a yes or no alone stays.
    rest = rest.replace(OPENER, '');
    const afterYesNo = rest.replace(YES_NO_OPENER, '');
    if (afterYesNo !== rest && OPENER.test(afterYesNo)) rest = afterYesNo;
  }
  // The rest keeps its case: a command or a handle ("sudo …", "kizza …") is never capitalized.
  return rest === '' ? text : rest;
}

/** "yes", "nope.", "yeah :)": a line that only says yes or no, as "yes" or "no"; null for anything else. */
export function yesOrNo(text: string): 'yes' | 'no' | null {
  const word = /^[^\p{L}\p{N}]*(yes|yeah|yep|yup|yea|no|nope|nah)[^\p{L}\p{N}]*$/iu.exec(text)?.[1].toLowerCase();
  if (word === undefined) return null;
  return word.startsWith('n') ? 'no' : 'yes';
}

/** The text without a leading yes or no, for a statement that is not an answer. */
export function withoutYesNo(text: string): string {
  const rest = text.replace(YES_NO_OPENER, '');
  return rest === '' ? text : rest;
}

/**
 * Whether the fact text depends on the chat around it, and why. `names` are the people the text
 * names (author, addressee): a person is not the thing an "it" before or after them stands for.
 * `everyone`: the text is said to everyone (an announcement), so its "you" is the channel.
 * `imperative`: the text may open with its verb ("Review the deck by Friday"): a task or an announcement
 * tells someone to do something; any other text that does ("saves lot of space too", "have an icon to
 * browse") has lost its subject to the line before.
 */
export function contextDependence(
  text: string,
  names: readonly (string | null)[] = [],
  options: { everyone?: boolean; imperative?: boolean } = {},
): ContextDependence | null {
  // A quotation is someone's own words: its "you" and "it" are theirs ("a 'we'll email you' state").
  const stated = withoutYesNo(withoutOpeners(text)).trim().replace(QUOTATION, '"quote"');
  const words = tagWords(stated).filter(isWord);
  const urls = findUrls(stated);
  const isCode = urls.length > 0 || CODE.test(stated);
  // A bare link says what it is only as the answer to a question.
  if (urls.length === 1 && stated.replace(urls[0].url, '').trim() === '') return 'fragment';
  if (words.length < MIN_WORDS && !isCode) return 'fragment';
  const numbers = words.filter((word) => NUMBER.test(word.text)).length;
  if (numbers >= MAX_NUMBERS && (numbers * 2 + 1 >= words.length || isMostlyDigits(stated))) return 'fragment';
  // "Device Boot Start End Blocks Id System": column headings of pasted output.
  if (words.length >= 5 && words.every((word) => /^[\p{Lu}\d]/u.test(word.text))) return 'fragment';
  if (ELLIPTICAL.test(stated)) return 'fragment';
  const personWords = personWordsOf(names);
  if (modalWithoutSubject(stated, words, personWords)) return 'fragment';
  // "when patrick_ goes through preferences.": a subordinate clause without its main clause.
  if (/^(?:when|if|after|before|once|until)\b/i.test(stated) && !/[,;:?]|\bthen\b/.test(stated)) return 'fragment';
  // "\"glxinfo | grep direct\"": a command alone says what to run, not what it is for.
  if (words.length > 0 && proseWords(stated) < MIN_WORDS) return 'fragment';
  // "command not found?", "sudo?": a question of a few words asks about what was just said.
  if (/\?\s*$/.test(stated) && words.length <= MIN_WORDS && !words.some((word) => word.pos === 'AUX'))
    return 'fragment';
  // A line without a verb is a fragment ("sid the character from Toy Story").
  // "Why not use Synaptic then instead of aptitude?": the tagger reads "use" as a noun; a question that
  // opens with its wh-word and says this much is a sentence.
  const whQuestion = /^(?:why|how|what|where|when|which|who)\b[^?]*\?\s*$/i.test(stated) && words.length >= 4;
  if (!isCode && !whQuestion && !hasVerbIn(words) && !hasThirdPersonVerb(words)) return 'fragment';
  // "Scheduled Reports mockups v1: <link>": a thing posted under its name says what it is.
  const postsThing = /^[^:.!?]{3,80}:\s*\S/.test(stated) && (urls.length > 0 || /^\p{Lu}/u.test(stated));
  if (!options.imperative && !postsThing && opensWithVerb(words)) return 'fragment';
  if (!options.everyone && words.some((word, index) => isUnresolvedYou(stated, words, index))) return 'second_person';
  if (COMPARING.test(stated)) return 'reference';
  return firstReference(stated, words, personWords) === null ? null : 'reference';
}

/** The first word of the text that points at something it does not name ("it", "that", "there"), or null. */
export function referenceIn(text: string, names: readonly (string | null)[] = []): string | null {
  const stated = withoutYesNo(withoutOpeners(text)).trim();
  return firstReference(stated, tagWords(stated).filter(isWord), personWordsOf(names))?.text ?? null;
}

/** A token with a letter or digit in it: punctuation and symbols are no words. */
function isWord(word: TaggedWord): boolean {
  return WORD_CHARACTER.test(word.text);
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const NUMBER = /^(?:\d[\d.,:/x-]*|0x[\da-f]+)$/i;

/** At least half as many digits as letters. */
function isMostlyDigits(text: string): boolean {
  return text.replace(/[^\p{N}]+/gu, '').length * 2 >= text.replace(/[^\p{L}]+/gu, '').length;
}

function firstReference(
  stated: string,
  words: readonly TaggedWord[],
  personWords: ReadonlySet<string>,
): TaggedWord | null {
  return (
    words.find((word, index) => standsAlone(stated, word) && refersBack(stated, words, index, personWords)) ?? null
  );
}

function personWordsOf(names: readonly (string | null)[]): Set<string> {
  return new Set(
    names
      .flatMap((name) => (name ? name.toLowerCase().split(/[^\p{L}\p{N}]+/u) : []))
      .filter((word) => word.length > 0),
  );
}

/**
 * A "you" that names someone the text does not: not "you all" (everyone), not the generic "you" of a
 * condition ("if you see 'prisma' in Slack, …"), not the "u" of a nick ("Jordan_U").
 */
function isUnresolvedYou(text: string, words: readonly TaggedWord[], index: number): boolean {
  const word = words[index];
  if (!SECOND_PERSON.has(word.lower) || !standsAlone(text, word)) return false;
  if (/^(?:you|ya)$/.test(word.lower) && /^(?:all|guys|folks|both|everyone)$/.test(words[index + 1]?.lower ?? ''))
    return false;
  const before = words[index - 1]?.lower ?? '';
  const twoBefore = `${words[index - 2]?.lower ?? ''} ${before}`;
  return !(GENERIC_CONDITION.has(before) || twoBefore === 'as soon' || twoBefore === 'soon as');
}

/** "if you …", "once you …": a condition's "you" is anyone. */
const GENERIC_CONDITION = new Set(['if', 'when', 'whenever', 'unless', 'once', 'until', 'before', 'after']);

/** "saves lot of space too", "just trying to understand": a verb first, its subject left in the line before. */
function opensWithVerb(words: readonly TaggedWord[]): boolean {
  const at = words.findIndex((word) => word.pos !== 'ADV' && word.pos !== 'INTJ');
  const first = words[at];
  if (first === undefined || /^(?:please|let|lets)$/.test(first.lower)) return false;
  // "don't run 2-3?", "can't find it": an auxiliary straight before its verb has no subject either.
  if (first.pos === 'AUX' && words[at + 1]?.pos === 'PART' && words[at + 2]?.pos === 'VERB') return true;
  // "have an icon to browse …": a possessive "have" with no one who has.
  if (first.pos === 'AUX' && /^(?:have|has)$/.test(first.lower) && words[at + 1]?.pos === 'DET') return true;
  if (first.pos !== 'VERB') return false;
  // "Beta moves to April 11", "Go 1.24 is the default": a finite verb just after makes the first word its subject.
  const next = words.slice(at + 1, at + 4);
  return !next.some((word, i) => (word.pos === 'VERB' || word.pos === 'AUX') && (next[i - 1] ?? first).lower !== 'to');
}

const NOUN_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);
/** What may follow a verb: "moves to", "controls WOL", "show the". */
const AFTER_VERB_POS: ReadonlySet<string> = new Set('ADP DET PART ADV NOUN PROPN NUM PRON ADJ'.split(' '));

/**
 * "the cutover moves to Tuesday", "the bios controls WOL": wink reads a verb after a noun as a plural
 * noun at times; an s-form after a noun and before what can follow a verb is taken for one. (compromise
 * would tell, at a millisecond a sentence.)
 */
function hasThirdPersonVerb(words: readonly TaggedWord[]): boolean {
  return words.some(
    (word, at) =>
      at > 0 &&
      /^[a-z]+[^s]s$/.test(word.lower) &&
      NOUN_POS.has(words[at - 1].pos) &&
      AFTER_VERB_POS.has(words[at + 1]?.pos ?? 'ADV'),
  );
}

/** "Should cut about 3 minutes off the suite too.": a modal, then its verb, the subject left in the line before. */
function modalWithoutSubject(text: string, words: readonly TaggedWord[], personWords: ReadonlySet<string>): boolean {
  const [modal, next] = words;
  if (modal === undefined || next === undefined) return false;
  if (!/^(?:should|could|would|might|must|may|will|can)$/.test(modal.lower)) return false;
  // Asked ("can Bruno review the PR?"), it is a question with its subject after the modal.
  if (/\?\s*$/.test(maskRanges(text, findUrls(text), ' ').trim())) return false;
  return next.pos === 'VERB' && !personWords.has(undecoratedNick(next.lower));
}

/** Words of the text outside quotes, code and links. */
function proseWords(text: string): number {
  const prose = text
    .replace(/"[^"]*"|“[^”]*”|`[^`]*`/g, ' ')
    // A token with one of these in it, whole: tried from where tokens start, not again inside each one.
    .replace(/(?<!\S)[^\s/|$=<>]*[/|$=<>]\S*/g, ' ')
    .replace(/(?:^|\s)(?:sudo|apt-get|aptitude|grep|glxinfo|echo|chmod|tee)(?=\s|$)/g, ' ');
  return (prose.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

function hasVerbIn(words: readonly TaggedWord[]): boolean {
  return words.some((word) => word.pos === 'VERB' || word.pos === 'AUX');
}

/** A word counts only between spaces or punctuation: not the "it" of "#ubuntu-it", nor the "u" of "Jordan_U". */
function standsAlone(text: string, word: TaggedWord): boolean {
  const before = text.charAt(word.start - 1);
  const after = text.charAt(word.end);
  return !/[\p{L}\p{N}_#/@-]/u.test(before) && !/[\p{L}\p{N}_/@-]/u.test(after);
}

function refersBack(
  text: string,
  words: readonly TaggedWord[],
  index: number,
  personWords: ReadonlySet<string>,
): boolean {
  const word = words[index];
  const before = words[index - 1];
  const after = words[index + 1];
  if (word.lower === 'there') {
    // "there is", and asked: "is there", "isn't there".
    if (before !== undefined && EXISTENTIAL_THERE.test(before.lower) && index <= 2) return false;
    return after === undefined || !EXISTENTIAL_THERE.test(after.lower);
  }
  if (DEMONSTRATIVES.has(word.lower)) {
    if (after !== undefined && TIME_WORDS.has(after.lower)) return false;
    // "run this: echo …", "get this: /casper/vmlinuz not found": it points at what follows.
    if (/^\s*:/.test(text.slice(word.end))) return false;
    // "Is that something for Q2?": a pronoun asked about, right after the auxiliary that opens the question.
    if (before !== undefined && index === 1 && before.pos === 'AUX') return true;
    if (word.lower.startsWith('that') && before !== undefined && before.pos !== 'ADP') {
      // "I think that …" opens a clause; "the package that provides it" is a relative clause after a noun.
      if (CLAUSE_INTRODUCERS.has(before.lower)) return false;
      // "the versions that alz1 asked about", "the package that provides it"; not "op that last command".
      const relative = after !== undefined && !['ADJ', 'NUM', 'PUNCT'].includes(after.pos);
      const afterNoun = before.pos === 'NOUN' || before.pos === 'PROPN';
      if (relative && afterNoun && !personWords.has(undecoratedNick(before.lower))) return false;
      // "normal that …", "decided that the …", "said that it …": a conjunction opening a clause.
      if (before.pos === 'ADJ' && after !== undefined) return false;
      if (after !== undefined && (after.pos === 'DET' || after.pos === 'PRON')) return false;
      const subjectAfter = after !== undefined && ['NOUN', 'PROPN', 'PRON', 'DET'].includes(after.pos);
      const opensClause =
        subjectAfter && words.slice(index + 2, index + 4).some((next) => next.pos === 'VERB' || next.pos === 'AUX');
      if (word.pos === 'SCONJ' && opensClause) return false;
    }
    // "this part of the country", "if this works", "save that": this and that point at the chat; a plural
    // alone ("we export those") may stand for things named before it.
    if (word.lower === 'these' || word.lower === 'those') {
      const determiner = after !== undefined && ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(after.pos);
      return determiner || !hasThingBefore(words, index, personWords);
    }
    return true;
  }
  if (word.lower === 'it' && isDummyIt(words, index)) return false;
  if (REFERRING.has(word.lower)) return !hasThingBefore(words, index, personWords);
  return false;
}

/** A noun other than a person's name before the word: what the word may stand for is in the text. */
function hasThingBefore(words: readonly TaggedWord[], index: number, personWords: ReadonlySet<string>): boolean {
  return words
    .slice(0, index)
    .some(
      (word) =>
        (word.pos === 'NOUN' || word.pos === 'PROPN') &&
        !personWords.has(undecoratedNick(word.lower)) &&
        !GENERAL_NOUNS.has(word.lower) &&
        word.lower.length > 1,
    );
}

/**
 * "it is likely that …", "it was decided to …", "is it true that …", "it seems": an "it" that
 * announces a clause or stands for nothing.
 */
function isDummyIt(words: readonly TaggedWord[], index: number): boolean {
  const rest = words.slice(index + 1, index + 7).map((word) => word.lower);
  const before = words[index - 1]?.lower ?? '';
  if (/^(?:seems|seemed|looks|depends|turns|appears)$/.test(rest[0] ?? '')) return true;
  const be = /^(?:is|was|'s|will|would|should|might|may|can|could)$/;
  const announced = rest.slice(1).some((word) => /^(?:that|to|whether|if|how|when|why)$/.test(word));
  return (be.test(rest[0] ?? '') || be.test(before)) && announced;
}
