/**
 * An answer that cannot stand alone carries the question it answers (`withAnsweredQuestion` in
 * extraction/answer-context.ts): `Answer to Dev's question "Are we OK dropping Safari 15?": OK to drop.`
 * Under that question in the FAQ the carried part only repeats it; this reads it back.
 */
const CARRIED = /^Answer to (.+?)'s (?:question|problem) "(.+?)": (?=\S)/su;

export interface CarriedQuestion {
  /** The question as the answer carries it. */
  question: string;
  /** The answer without the question it carries. */
  answer: string;
}

export function carriedQuestionOf(text: string): CarriedQuestion | null {
  const match = CARRIED.exec(text);
  return match === null ? null : { question: match[2], answer: text.slice(match[0].length) };
}

/** The answer as it reads under its question: without the question it carries. */
export function answerUnderQuestion(text: string): string {
  return carriedQuestionOf(text)?.answer ?? text;
}
