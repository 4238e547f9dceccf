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
  wink ??= winkNLP(model, ['pos']);
  return wink;
}

/**
 * The words of a question worth searching for, lower case, in question order: wink-nlp's stop words
 * (which hold the question words "what", "who", "when", "how" and the auxiliaries "did", "do", "is") are
 * left out, so that the words naming the subject decide the ranking. Each word is searched as a prefix
 * (the search index matches words beginning with a term), so its Porter stem (wink-nlp's) is searched when
 * the word begins with it ("installing" → "instal" also finds "installed", "installation"), and a plural the
 * stemmer leaves alone loses its "s" ("DVDs" → "dvd"); an irregular form is searched as written ("went").
 * A term that begins another is kept alone: it already finds what the longer one would.
 */
export function questionTerms(question: string): string[] {
  const nlp = loadWink();
  const tokens = nlp.readDoc(question).tokens();
  const values = tokens.out(nlp.its.value);
  const types = tokens.out(nlp.its.type);
  const stop = tokens.out(nlp.its.stopWordFlag) as unknown as boolean[];
  // its.stem is typed for readDoc's addons; tokens pass them the same way at run time.
  const stems = tokens.out(nlp.its.stem as unknown as typeof nlp.its.value);
  const terms: string[] = [];
  values.forEach((value, at) => {
    if (!CONTENT_TYPES.has(types[at]) || stop[at]) return;
    const word = value.toLowerCase().replace(/^[@#]/, '');
    if (!/[\p{L}\p{N}]/u.test(word)) return;
    const stem = (stems[at] ?? word).toLowerCase();
    // A stem of one or two letters begins too many words to search for on its own.
    const term = stem.length >= 3 && word.startsWith(stem) ? stem : word;
    terms.push(PLURAL.test(term) ? term.slice(0, -1) : term);
  });
  return shortestPrefixes(terms).slice(0, MAX_QUESTION_TERMS);
}

/** The terms, each once, without any term that another one begins. */
function shortestPrefixes(terms: string[]): string[] {
  const unique = [...new Set(terms)];
  return unique.filter((term) => !unique.some((other) => other !== term && term.startsWith(other)));
}
