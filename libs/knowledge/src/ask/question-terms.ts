import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** Token types of wink-nlp that carry what a question is about; punctuation, emoji and the like do not. */
const CONTENT_TYPES = new Set(['word', 'number', 'email', 'url', 'hashtag', 'mention']);
/** The search takes at most this many words (the facts filter's limit, docs/KNOWLEDGE.md). */
export const MAX_QUESTION_TERMS = 16;

/** A plural the stemmer keeps ("dvds"): four letters or more ending in one "s". */
const PLURAL = /^[\p{L}\p{N}]{2,}[^s]s$/u;

let wink: WinkMethods | null = null;

/** The model is large: loaded on first use (the extractor's threads load their own) and kept. */
function loadWink(): WinkMethods {
  wink ??= winkNLP(model, ['pos', 'ner']);
  return wink;
}

/**
 * The words of a question worth searching for, lower case, in question order: wink-nlp's stop words
 * (which hold the question words "what", "who", "when", "how" and the auxiliaries "did", "do", "is") are
 * left out, so that the words naming the subject decide the ranking. Each word is searched as a prefix
 * (the search index matches words beginning with a term), so its Porter stem (wink-nlp's) is searched when
 * the word begins with it ("installing" → "instal" also finds "installed", "installation"), and a plural the
 * stemmer leaves alone loses its "s" ("DVDs" → "dvd"); an irregular form is searched as written ("went").
 * Relative dates and times ("yesterday", "last week") are left out too (relativeTimeTokens). A term that begins
 * another is kept alone: it already finds what the longer one would.
 */
export function questionTerms(question: string): string[] {
  const nlp = loadWink();
  const doc = nlp.readDoc(question);
  const tokens = doc.tokens();
  const relativeTime = relativeTimeTokens(nlp, doc);
  const values = tokens.out(nlp.its.value);
  const types = tokens.out(nlp.its.type);
  const stop = tokens.out(nlp.its.stopWordFlag) as unknown as boolean[];
  // its.stem is typed for readDoc's addons; tokens pass them the same way at run time.
  const stems = tokens.out(nlp.its.stem as unknown as typeof nlp.its.value);
  const terms: string[] = [];
  values.forEach((value, at) => {
    if (!CONTENT_TYPES.has(types[at]) || stop[at] || relativeTime.has(at)) return;
    const word = value.toLowerCase().replace(/^[@#]/, '');
    if (!/[\p{L}\p{N}]/u.test(word)) return;
    const stem = (stems[at] ?? word).toLowerCase();
    // A stem of one or two letters begins too many words to search for on its own.
    const term = stem.length >= 3 && word.startsWith(stem) ? stem : word;
    terms.push(PLURAL.test(term) ? term.slice(0, -1) : term);
  });
  return shortestPrefixes(terms).slice(0, MAX_QUESTION_TERMS);
}

/**
 * Tokens of the dates and times wink-nlp recognises that hold no digit ("yesterday", "last week", "tomorrow
 * morning"): they say when the question is asked about, relative to now, and facts write dates as dates, so as
 * search words they only find chatter. "March 21" or "10am" stay: a fact may hold them.
 */
function relativeTimeTokens(nlp: WinkMethods, doc: ReturnType<WinkMethods['readDoc']>): Set<number> {
  const indexes = new Set<number>();
  doc.entities().each((entity: { out: (what: unknown) => unknown }) => {
    const { type, value } = entity.out(nlp.its.detail) as unknown as { type: string; value: string };
    if ((type !== 'DATE' && type !== 'TIME' && type !== 'DURATION') || /\d/.test(value)) return;
    const [first, last] = entity.out(nlp.its.span) as unknown as [number, number];
    for (let at = first; at <= last; at += 1) indexes.add(at);
  });
  return indexes;
}

/** The terms, each once, without any term that another one begins. */
function shortestPrefixes(terms: string[]): string[] {
  const unique = [...new Set(terms)];
  return unique.filter((term) => !unique.some((other) => other !== term && term.startsWith(other)));
}
