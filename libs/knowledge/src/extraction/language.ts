import type { NormalizedMessage } from '@atlas/events';
import { detectAll } from 'tinyld';
import { prepareMessageText } from './batch-readings';
import { EMOJI, INLINE_CODE, MENTION_TOKEN } from './chat-markup';
import { findUrls } from './links';
import { maskRanges } from './text-ranges';

/** The language the extractor reads. */
export const READABLE_LANGUAGE = 'en';
/** Below this many letters tinyld guesses: "merged" reads as Romanian, "lgtm" as Danish. */
const MIN_LETTERS = 40;
/**
 * A message this long is told by itself: a Spanish question may get an English answer. Plain ASCII
 * needs more: "aptitude has better dependancy resolution" (36 letters) reads as Indonesian.
 */
const MIN_MESSAGE_LETTERS = 30;
const MIN_ASCII_MESSAGE_LETTERS = 60;
/** Letters and marks English does not use: with them even "¡gracias!" is told by itself. */
const FOREIGN_LETTER = /[¿¡ñçßäöüàâèéêëìíîïòóôõùúûãåøæœ]/i;
const MIN_FOREIGN_LETTERS = 6;
/**
 * Languages tinyld tells apart reliably in chat. Technical English (identifiers, units, product
 * names) often scores as Esperanto, Latin or Tagalog; a guess outside this list is no answer.
 */
const KNOWN_LANGUAGES = new Set(
  'en de es fr pt it nl pl ru uk cs sk sv da no fi tr el hu ro ja zh ko ar he hi id vi th'.split(' '),
);
/** English within this share of the best score wins: chat English is full of foreign-looking names. */
const ENGLISH_MARGIN = 0.5;
/** Enough text to tell a language; more only costs time. */
const MAX_SAMPLE = 2_000;

/**
 * The language of each message: that of its thread (the batch's replies and the parent, wherever it
 * is); a thread too short to tell takes the batch's language, and a batch too short to tell is
 * taken to be English.
 */
export function detectLanguages(
  messages: readonly NormalizedMessage[],
  threadParents: ReadonlyMap<string, NormalizedMessage>,
): Map<string, string> {
  const threads = new Map<string, NormalizedMessage[]>();
  for (const message of messages) {
    const root = message.thread_parent_id ?? message.id;
    const members = threads.get(root) ?? [];
    members.push(message);
    threads.set(root, members);
  }
  let batchLanguage: string | null = null;
  const languageOfBatch = (): string => {
    batchLanguage ??= languageOf(messages.map((message) => prose(message.text)).join('\n')) ?? READABLE_LANGUAGE;
    return batchLanguage;
  };
  const languages = new Map<string, string>();
  for (const [root, members] of threads) {
    let threadLanguage: string | null = null;
    const languageOfThread = (): string => {
      const parent = members.some((message) => message.id === root) ? undefined : threadParents.get(root);
      const texts = [...(parent ? [parent] : []), ...members].map((message) => prose(message.text));
      threadLanguage ??= languageOf(texts.join('\n')) ?? languageOfBatch();
      return threadLanguage;
    };
    for (const message of members) {
      const text = prose(message.text);
      const own = looksEnglish(text) ? READABLE_LANGUAGE : languageOf(text, ownMinimum(text));
      // A thread of this one line would be read as the line itself, just found too short to tell
      // ("aptitude has better dependancy resolution" reads as Indonesian): the batch tells.
      const alone = members.length === 1 && message.id === root && !threadParents.has(root);
      languages.set(message.id, own ?? (alone ? languageOfBatch() : languageOfThread()));
    }
  }
  return languages;
}

function ownMinimum(text: string): number {
  if (FOREIGN_LETTER.test(text)) return MIN_FOREIGN_LETTERS;
  return /[^\x00-\x7f’‘“”—–…]/.test(text) ? MIN_MESSAGE_LETTERS : MIN_ASCII_MESSAGE_LETTERS;
}

/** Words only English has in such numbers; other languages borrow names, not these. */
const ENGLISH_FUNCTION_WORDS = new Set(
  `the a an is are was were be been to of and or for with on in at by from it its this that these those we you
   i he she they our your their my can will would should could do does did has have had not no but if so what
   who when where why how which there here just also still yet about after before into than then them us me yes`
    .trim()
    .split(/\s+/),
);
/** Of those, words no neighbouring language spells the same way. */
const DISTINCTLY_ENGLISH = new Set(
  'the and is are of to you with this that what will would should have has for from yes not'.split(' '),
);
const ENGLISH_SHARE = 0.25;
const MIN_DISTINCT_HITS = 2;

/**
 * A cheap test before tinyld: plain-ASCII text with a good share of English function words is
 * English. Most chat is, and the detector costs far more than this.
 */
function looksEnglish(text: string): boolean {
  // Bullets, arrows and curly quotes say nothing of the language; a letter English does not use does.
  if (/(?![\x00-\x7f])\p{L}/u.test(text)) return false;
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  const hits = words.filter((word) => ENGLISH_FUNCTION_WORDS.has(word)).length;
  const distinct = new Set(words.filter((word) => DISTINCTLY_ENGLISH.has(word))).size;
  return distinct >= MIN_DISTINCT_HITS && hits >= words.length * ENGLISH_SHARE;
}

function languageOf(text: string, minLetters = MIN_LETTERS): string | null {
  if ((text.match(/\p{L}/gu)?.length ?? 0) < minLetters) return null;
  const [best, ...others] = detectAll(text.slice(0, MAX_SAMPLE));
  if (best === undefined) return null;
  const english = best.lang === READABLE_LANGUAGE ? best : others.find((other) => other.lang === READABLE_LANGUAGE);
  if (english && english.accuracy >= best.accuracy * ENGLISH_MARGIN) return READABLE_LANGUAGE;
  return KNOWN_LANGUAGES.has(best.lang) ? best.lang : null;
}

/** Paths, options and shell operators: "sudo tee /etc/network/if-up.d/samba && sudo chmod +x" reads as Italian. */
const SHELL_TOKEN = /(?<=^|\s)(?:[\w.~+-]*\/[\w.\/~+-]*|--?[\w-]+|\+[a-z]+|&&|\|\|?)(?=\s|$)/g;

/**
 * What the author wrote in words: no code, shell tokens, quotes, links, mentions or emoji, which have no
 * language, and no accented capitalized words after the first: mostly names ("Sofía", "José"),
 * which would make English look Spanish.
 */
function prose(text: string): string {
  const prepared = prepareMessageText(text);
  const masked = maskRanges(prepared, findUrls(prepared), ' ');
  return masked
    .replace(INLINE_CODE, ' ')
    .replace(SHELL_TOKEN, ' ')
    .replace(MENTION_TOKEN, ' ')
    .replace(EMOJI, ' ')
    .replace(/(?<=\S\s+)\p{Lu}[\p{L}\p{N}'’.-]*/gu, (word) => (/[^\x00-\x7f]/.test(word) ? ' ' : word))
    .replace(/\s+/g, ' ')
    .trim();
}
