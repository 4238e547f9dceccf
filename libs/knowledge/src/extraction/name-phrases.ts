import { NAME_CONNECTORS, TOPIC_STOPWORDS } from './stopwords';
import { isTechName } from './tech-lexicon';
import { matchesOf } from './text-ranges';

/** A run of capitalized words, an acronym or a product name found in a sentence. */
export interface NamePhrase {
  text: string;
  wordCount: number;
  /** An acronym, a product-style spelling (GitHub, iOS, C++) or a known technology name. */
  distinctive: boolean;
  /** Starts its sentence, where any word is capitalized. */
  sentenceInitial: boolean;
}

type TokenKind = 'capitalized' | 'lowercase-tech' | 'connector' | 'other';

interface Token {
  text: string;
  start: number;
  kind: TokenKind;
  distinctive: boolean;
  /** A possessive ("Ana's") ends the name it belongs to. */
  endsPhrase: boolean;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.+#&-]*/gu;
const MAX_PHRASE_WORDS = 4;
const MAX_ACRONYM_LENGTH = 10;
const SHOUTING_SHARE = 0.6;
/** "Dr. Smith": the period belongs to the title, the name does not start a sentence. */
const TITLE_BEFORE_NAME = /(?:^|\s)(?:mr|mrs|ms|dr|prof)\.$/i;

/**
 * Name-like phrases in the order they appear. Characters the caller masked (mentions, URLs, ...)
 * separate phrases; only plain spaces join words into one phrase.
 */
export function findNamePhrases(text: string): NamePhrase[] {
  const tokens = tokenize(text);
  const phrases: NamePhrase[] = [];
  let run: Token[] = [];
  const flush = (): void => {
    phrases.push(...phrasesOfRun(text, run));
    run = [];
  };
  for (const token of tokens) {
    const previous = run[run.length - 1];
    const joins = previous !== undefined && !previous.endsPhrase && onlySpacesBetween(text, previous, token);
    if (token.kind === 'capitalized' && joins) {
      run.push(token);
    } else if (token.kind === 'connector' && joins && previous.kind === 'capitalized') {
      run.push(token);
    } else {
      flush();
      if (token.kind === 'capitalized') run.push(token);
      if (token.kind === 'lowercase-tech') phrases.push(phraseOf(text, [token]));
    }
  }
  flush();
  return phrases;
}

function tokenize(text: string): Token[] {
  const words = Array.from(matchesOf(text, TOKEN), (match) => ({
    raw: match[0].replace(/[.'’&-]+$/, ''),
    start: match.index,
  }));
  const shouting = isShouting(words.map((word) => word.raw));
  return words.filter((word) => word.raw !== '').map(({ raw, start }) => classify(raw, start, shouting));
}

function classify(raw: string, start: number, shouting: boolean): Token {
  const possessive = /['’]s$/.test(raw);
  const text = possessive ? raw.slice(0, -2) : raw;
  const lower = text.toLowerCase();
  const token = (kind: TokenKind, distinctive = false): Token => ({
    text,
    start,
    kind,
    distinctive,
    endsPhrase: possessive,
  });
  // One letter ("option B") names nothing on its own.
  if (text.length < 2 || TOPIC_STOPWORDS.has(lower.replace(/’/g, "'"))) return token('other');
  // "don't", "we're": contractions are not names, though "O'Brien" is.
  if (/['’]/.test(text) && !/^O['’]\p{Lu}/u.test(text)) return token('other');
  const techName = isTechName(lower);
  if (/^\p{Lu}/u.test(text)) {
    const acronym = isAcronym(text);
    if (acronym && shouting && !techName) return token('other');
    return token('capitalized', techName || acronym || hasProductSpelling(text));
  }
  if (/^\p{Ll}+\p{Lu}/u.test(text)) return token('capitalized', true);
  if (techName) return token('lowercase-tech', true);
  if (NAME_CONNECTORS.has(lower)) return token('connector');
  return token('other');
}

function isAcronym(text: string): boolean {
  return text.length >= 2 && text.length <= MAX_ACRONYM_LENGTH && /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(text);
}

/** GitHub, PostgreSQL, Node.js, C++, GPT-4: spellings only names have. */
function hasProductSpelling(text: string): boolean {
  return /^\p{Lu}\p{Ll}+\p{Lu}/u.test(text) || /[+#]/.test(text) || /\.\p{L}/u.test(text) || /\p{N}/u.test(text);
}

/** A sentence mostly in capitals is shouting: its words are not acronyms. */
function isShouting(words: readonly string[]): boolean {
  const lettered = words.filter((word) => /\p{L}{2}/u.test(word));
  if (lettered.length < 3) return false;
  const upper = lettered.filter((word) => word === word.toUpperCase() && word !== word.toLowerCase());
  return upper.length / lettered.length >= SHOUTING_SHARE;
}

function onlySpacesBetween(text: string, previous: Token, next: Token): boolean {
  return /^[ \t]+$/.test(text.slice(previous.start + previous.text.length, next.start));
}

function phrasesOfRun(text: string, run: readonly Token[]): NamePhrase[] {
  const words = [...run];
  while (words.length > 0 && words[words.length - 1].kind === 'connector') words.pop();
  if (words.length === 0) return [];
  // Longer capitalized runs are title-cased prose, not a name; its distinctive words still count.
  if (words.length > MAX_PHRASE_WORDS) {
    return words.filter((word) => word.distinctive).map((word) => phraseOf(text, [word]));
  }
  return [phraseOf(text, words)];
}

function phraseOf(text: string, words: readonly Token[]): NamePhrase {
  const first = words[0];
  const last = words[words.length - 1];
  return {
    text: text.slice(first.start, last.start + last.text.length).replace(/\s+/g, ' '),
    wordCount: words.filter((word) => word.kind !== 'connector').length,
    distinctive: words.some((word) => word.distinctive),
    sentenceInitial: isSentenceInitial(text, first.start),
  };
}

function isSentenceInitial(text: string, offset: number): boolean {
  const before = text
    .slice(0, offset)
    .replace(/["'“‘(\[*_]+$/u, '')
    .trimEnd();
  if (TITLE_BEFORE_NAME.test(before)) return false;
  return before === '' || /[.!?:;]$/.test(before);
}
