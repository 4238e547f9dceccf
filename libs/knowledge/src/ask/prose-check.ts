import { questionTerms } from './question-terms';

/** A sentence of the model's answer that cites facts it was given and shares words with them. */
export interface CitedSentence {
  text: string;
  /** The [n] it cites, each once, in the order written. */
  citations: number[];
}

/** A sentence of the model's answer that was left out, and why. */
export interface DroppedSentence {
  text: string;
  reason: 'no_citation' | 'unknown_citation' | 'unsupported';
}

export interface CheckedProse {
  sentences: CitedSentence[];
  dropped: DroppedSentence[];
}

/** The model's answer was not the JSON asked for: the answer falls back to the facts alone. */
export class MalformedProse extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedProse';
  }
}

const CITATION = /\[(\d{1,3})\]/g;
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Reads the model's answer ({"answer": "..."}) and keeps the sentences it may show: each must cite at least
 * one [n], every [n] it cites must be one of the facts it was given, and it must share a word (question-terms'
 * stems, stop words aside) with the facts it cites, so a citation pinned to an unrelated claim does not pass.
 * Anything else is dropped, with the reason. Not JSON, or no "answer" string: MalformedProse.
 */
export function checkProse(content: string, factTexts: ReadonlyMap<number, string>): CheckedProse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw new MalformedProse('the answer is not JSON');
  }
  const answer = (parsed as { answer?: unknown } | null)?.answer;
  if (typeof answer !== 'string') throw new MalformedProse('the answer has no "answer" text');
  const checked: CheckedProse = { sentences: [], dropped: [] };
  for (const { segment } of segmenter.segment(answer)) {
    const text = segment.trim();
    if (!/[\p{L}\p{N}]/u.test(text.replace(CITATION, ''))) continue;
    const citations = [...new Set([...text.matchAll(CITATION)].map((match) => Number(match[1])))];
    if (citations.length === 0) checked.dropped.push({ text, reason: 'no_citation' });
    else if (citations.some((n) => !factTexts.has(n))) checked.dropped.push({ text, reason: 'unknown_citation' });
    else if (!sharesWords(text, citations, factTexts)) checked.dropped.push({ text, reason: 'unsupported' });
    else checked.sentences.push({ text, citations });
  }
  return checked;
}

function sharesWords(sentence: string, citations: number[], factTexts: ReadonlyMap<number, string>): boolean {
  const cited = new Set(citations.flatMap((n) => questionTerms(factTexts.get(n)!)));
  return questionTerms(sentence.replace(CITATION, ' ')).some((term) => cited.has(term));
}
