import { findUrls } from './links';
import { QUOTATION } from './quotations';
import { tagWords } from './batch-readings';

/** Stand for the names while pronouns are replaced: private-use characters no chat text has. */
const AUTHOR = '\uE000';
const ADDRESSEE = '\uE001';
const MODALS = new Set(['can', 'could', 'should', 'would', 'will', 'must', 'might', 'may', 'shall']);
/** Past forms (and verbs whose past is their base form): "I took it" becomes "Ana took it" unchanged. */
const UNCHANGED_AFTER_SUBJECT = new Set(
  `was took went made said got saw sent ran wrote did had found thought knew left put set told came gave built
   broke brought bought caught chose felt forgot kept lost meant met paid read shut spent understood won cut hit
   let began drove fell flew grew heard held hurt led lit rode rose sat slept spoke stood stuck taught threw woke
   wore used to`.split(/\s+/),
);
const ADVERBS = new Set(
  `also just really still already actually never always usually probably definitely only even mostly totally
   honestly personally currently generally simply certainly kinda sort kind`.split(/\s+/),
);
const IRREGULAR_THIRD_PERSON: Readonly<Record<string, string>> = {
  have: 'has',
  do: 'does',
  be: 'is',
  go: 'goes',
  am: 'is',
  are: 'is',
  were: 'was',
};
/** Verbs followed by a clause: "bob2 thinks you need" has "you" as the clause's subject, not an object. */
const CLAUSE_VERBS = new Set(
  `think thinks thought guess guesses believe believes suppose supposes hope hopes bet mean means say says said
   know knows knew reckon assume assumes suspect suspects wish feel figure`.split(/\s+/),
);
/** "you guys", "you all", "you two": a plural "you" names no one person. */
const PLURAL_YOU = /\byou\s+(?:guys|all|both|two|three|folks|people|lot|ppl)\b|\by'all\b|\byall\b/i;

/** Contracted and inverted forms, rewritten before verbs after the subject are conjugated. */
function agreements(name: string, subject: string): ReadonlyArray<[RegExp, string]> {
  const forms: Array<[string, string]> =
    subject === 'i'
      ? [
          ["i'm", `${name} is`],
          ['i am', `${name} is`],
          ["i'll", `${name} will`],
          ["i'd", `${name} would`],
          ["i've", `${name} has`],
          ['am i', `is ${name}`],
          ['was i', `was ${name}`],
        ]
      : [
          ["you're", `${name} is`],
          ['you are', `${name} is`],
          ["you aren't", `${name} isn't`],
          ['you were', `${name} was`],
          ["you weren't", `${name} wasn't`],
          ["you'll", `${name} will`],
          ["you'd", `${name} would`],
          ["you've", `${name} has`],
          ['are you', `is ${name}`],
          ["aren't you", `isn't ${name}`],
          ['were you', `was ${name}`],
          ["weren't you", `wasn't ${name}`],
        ];
  forms.push(
    [`${subject} don't`, `${name} doesn't`],
    [`${subject} do not`, `${name} does not`],
    [`${subject} haven't`, `${name} hasn't`],
    [`${subject} have not`, `${name} has not`],
    // "How do I install it?": the inverted auxiliary agrees with the name, the verb stays bare.
    [`do ${subject}`, `does ${name}`],
    [`don't ${subject}`, `doesn't ${name}`],
    [`have ${subject}`, `has ${name}`],
    [`haven't ${subject}`, `hasn't ${name}`],
  );
  return forms.map(([form, replacement]) => [new RegExp(`\\b${form.replaceAll("'", "['’]")}\\b`, 'gi'), replacement]);
}

/** "I" or "you" as a word of its own: not in "i.e.", "you've" or a URL-like token. */
function subjectPattern(subject: string, followedBy: string): RegExp {
  // "I/O", "I.e." and "C/I" are not the author.
  const after = followedBy === '' ? `(?![\\p{L}\\p{N}'’/-]|\\.\\p{L})` : followedBy;
  return new RegExp(`(?<![\\p{L}\\p{N}./'’-])${subject}${after}`, followedBy === '' ? 'giu' : 'iu');
}

interface Person {
  marker: string;
  subject: 'i' | 'you';
  agreements: ReadonlyArray<[RegExp, string]>;
  /** The subject pronoun as a word, and followed by a space (a verb may follow). */
  subjectWord: RegExp;
  subjectBeforeWord: RegExp;
  /** The pronoun in any case: "I" and "you" as subject or object, possessives, reflexive. */
  any: RegExp;
  possessive: RegExp;
  object: RegExp;
}

const FIRST: Person = {
  marker: AUTHOR,
  subject: 'i',
  agreements: agreements(AUTHOR, 'i'),
  subjectWord: subjectPattern('i', ''),
  subjectBeforeWord: subjectPattern('i', '\\s'),
  any: /\b(?:i|me|my|mine|myself)\b/i,
  possessive: /(?<![\p{L}\p{N}'’-])(?:my|mine)(?![\p{L}\p{N}'’-])/giu,
  object: /(?<![\p{L}\p{N}'’-])(?:me|myself)(?![\p{L}\p{N}'’-])/giu,
};
const SECOND: Person = {
  marker: ADDRESSEE,
  subject: 'you',
  agreements: agreements(ADDRESSEE, 'you'),
  subjectWord: subjectPattern('you', ''),
  subjectBeforeWord: subjectPattern('you', '\\s'),
  any: /\b(?:you|your|yours|yourself)\b/i,
  possessive: /(?<![\p{L}\p{N}'’-])(?:your|yours)(?![\p{L}\p{N}'’-])/giu,
  object: /(?<![\p{L}\p{N}'’-])yourself(?![\p{L}\p{N}'’-])/giu,
};

export interface Speakers {
  /** Who says it: "I/me/my" name them. */
  author: string | null;
  /** Who it is said to: "you/your" name them. */
  addressee?: string | null;
}

/**
 * The text with first-person singular pronouns replaced by the author's name and second-person ones by
 * the addressee's, verbs agreeing: "I'll ship my PR, ping me" by Ana Lima → "Ana Lima will ship Ana
 * Lima's PR, ping Ana Lima"; "you'd need to file a bug" to epod → "epod would need to file a bug".
 * URLs are left alone. A person without a name, or a "you" whose agreement is not certain (plural
 * "you guys", "you" followed by a word that is not a verb), leaves that person's pronouns as written.
 */
export function resolvePronouns(text: string, speakers: Speakers): string {
  const persons: Array<[Person, string]> = [];
  if (hasName(speakers.author) && FIRST.any.test(text)) persons.push([FIRST, speakers.author]);
  if (hasName(speakers.addressee) && SECOND.any.test(text) && !PLURAL_YOU.test(text)) {
    persons.push([SECOND, speakers.addressee]);
  }
  if (persons.length === 0) return text;
  let result = text;
  // Markers stand for the names until the end: a name itself may contain "I", "me" or "you".
  for (const [person] of persons) result = withUrlsKept(result, (prose) => markPerson(prose, person));
  for (const [person, name] of persons) result = result.replaceAll(person.marker, name);
  return result;
}

/** The first-person rewrite alone: the author's name for "I/me/my". */
export function resolveFirstPerson(text: string, authorName: string | null): string {
  return resolvePronouns(text, { author: authorName });
}

function hasName(name: string | null | undefined): name is string {
  return name !== null && name !== undefined && name.trim() !== '';
}

/**
 * Rewrites the prose around URLs and quotations: a quotation is someone's own words, its pronouns are
 * theirs ("Dev will add a 'we'll email you when it's ready' state"). A quotation stands in the prose as
 * a placeholder word, so the words around it still read as a sentence ("if you \"halt\" the OS").
 */
function withUrlsKept(text: string, rewrite: (prose: string) => string): string {
  let result = '';
  let cursor = 0;
  for (const url of findUrls(text)) {
    result += withQuotesKept(text.slice(cursor, url.start), rewrite) + url.url;
    cursor = url.end;
  }
  return result + withQuotesKept(text.slice(cursor), rewrite);
}

function withQuotesKept(prose: string, rewrite: (prose: string) => string): string {
  const quotes: string[] = [];
  const masked = prose.replace(QUOTATION, (quote) => `${QUOTE_MARK}${quotes.push(quote) - 1}${QUOTE_END}`);
  return rewrite(masked).replace(QUOTE_PLACEHOLDER, (_, index: string) => quotes[Number(index)]);
}

const QUOTE_MARK = '\uE002';
const QUOTE_END = '\uE003';
const QUOTE_PLACEHOLDER = /\uE002(\d+)\uE003/g;

/** The prose with the person's pronouns replaced by its marker; unchanged when agreement is not certain. */
function markPerson(prose: string, person: Person): string {
  if (!person.any.test(prose)) return prose;
  let text = prose;
  for (const [pattern, replacement] of person.agreements) {
    text = text.replace(pattern, (match) => (/^\p{Lu}/u.test(match) ? capitalize(replacement) : replacement));
  }
  const conjugated = conjugateAfterSubject(text, person);
  if (conjugated === null) return prose;
  return conjugated
    .replace(person.subjectWord, person.marker)
    .replace(person.possessive, `${person.marker}'s`)
    .replace(person.object, person.marker);
}

/**
 * "I need" → "Ana needs", "you also think" → "epod also thinks"; modals and past forms are left as
 * they are. "you" is also an object ("let you know"): only a "you" opening a clause is conjugated
 * after, and a subject "you" not followed by a verb makes the whole rewrite uncertain (null).
 */
function conjugateAfterSubject(text: string, person: Person): string | null {
  if (!person.subjectBeforeWord.test(text)) return text;
  const words = tagWords(text);
  const edits: Array<{ start: number; end: number; replacement: string }> = [];
  for (let index = 0; index < words.length - 1; index++) {
    if (words[index].lower !== person.subject) continue;
    const before = words[index - 1];
    // "Should I take it?": after an inverted auxiliary the verb stays in its base form.
    if (before !== undefined && (before.pos === 'AUX' || MODALS.has(before.lower))) continue;
    const role = person.subject === 'you' ? roleOfYou(before) : 'subject';
    // "let you know": an object "you" is followed by a bare verb, which stays as it is.
    if (role === 'object') continue;
    let next = index + 1;
    if (ADVERBS.has(words[next].lower) && next + 1 < words.length) next++;
    const verb = words[next];
    if (MODALS.has(verb.lower) || UNCHANGED_AFTER_SUBJECT.has(verb.lower)) continue;
    const isVerb = /^\p{Ll}+$/u.test(verb.text) && (verb.pos === 'VERB' || verb.pos === 'AUX');
    if (!isVerb) {
      // "if you "halt" the OS": a subject "you" before anything but a verb or the end of a clause is uncertain.
      const endsClause = verb.pos === 'PUNCT' && /^[.?!,;:)]/.test(verb.text);
      if (person.subject === 'you' && role === 'subject' && !endsClause) return null;
      continue;
    }
    // "than you think", "for you need": subject or object cannot be told apart with confidence.
    if (role === 'uncertain') return null;
    if (/[^e]ed$/.test(verb.lower)) continue;
    edits.push({ start: verb.start, end: verb.end, replacement: thirdPerson(verb.text) });
  }
  let result = text;
  for (const edit of edits.reverse()) result = result.slice(0, edit.start) + edit.replacement + result.slice(edit.end);
  return result;
}

function roleOfYou(before: { lower: string; pos: string } | undefined): 'subject' | 'object' | 'uncertain' {
  if (before === undefined || CLAUSE_VERBS.has(before.lower)) return 'subject';
  if (before.pos === 'VERB') return 'object';
  return before.pos === 'ADP' ? 'uncertain' : 'subject';
}

export function thirdPerson(verb: string): string {
  const irregular = IRREGULAR_THIRD_PERSON[verb];
  if (irregular) return irregular;
  if (/(?:s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
