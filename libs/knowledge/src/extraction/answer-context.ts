import type { Fact, NormalizedMessage } from '@atlas/events';
import type { ExtractionContext } from '../contracts';
import { addressOf } from './addressee';
import { prepareMessageText, splitSentences } from './batch-readings';
import { buildFact, topicsOf } from './fact-builder';
import { extractFactEntities } from './entities';
import { extractRelations } from './relations';
import { contextDependence, withoutOpeners } from './context-dependence';
import { isQuestion, type FactClassification } from './fact-type';
import { cleanFactText } from './fact-text';
import { groupIntoFactUnits } from './fact-units';
import { findUrls } from './links';
import { authorOf, type Gazetteer } from './gazetteer';
import { resolvePronouns } from './pronouns';
import { tellsOwnProblem } from './threads';

/** How sure a reply to a question is an answer. */
export const ANSWER_CONFIDENCE = 0.75;
/** A question carried into an answer is cut at a word boundary near this length. */
const MAX_QUESTION_LENGTH = 140;

export interface AskedQuestion {
  /** Who asked. */
  asker: string;
  /** The question, self-contained: "how does kizza install compiz?"; or the problem they asked help with. */
  text: string;
  /** A question asked, a problem told, or the proposal or news that opened a thread. */
  kind: 'question' | 'problem' | 'opening';
}

const asked = new WeakMap<NormalizedMessage, AskedQuestion | null>();

/**
 * The question a message asks, as a text that stands on its own (its first question unit, pronouns
 * resolved for its author and addressee), or null when it has none that can be read without the chat
 * around it ("now what?", "how do I do that?"): an answer to such a question has no context to carry.
 */
export function askedQuestion(question: NormalizedMessage, gazetteer: Gazetteer): AskedQuestion | null {
  if (!asked.has(question)) asked.set(question, readQuestion(question, gazetteer));
  return asked.get(question)!;
}

/**
 * "yes it shows all partitions" answering eepberries's "does fdisk -l list the partitions?": the answer
 * alone points at nothing, so the fact carries the question it answers.
 */
export function withAnsweredQuestion(answer: string, question: AskedQuestion): string {
  if (question.kind === 'opening') return `On ${question.asker}'s "${question.text}": ${answer}`;
  return `Answer to ${question.asker}'s ${question.kind} "${question.text}": ${answer}`;
}

const openings = new WeakMap<NormalizedMessage, AskedQuestion | null>();

/**
 * What a thread's first message says, as a text that stands on its own: "Decided: we adopt these norms
 * starting Monday" in the thread of "Proposal for code review norms: PRs under 400 lines, …" decides on it.
 */
export function threadOpening(root: NormalizedMessage, gazetteer: Gazetteer): AskedQuestion | null {
  if (!openings.has(root)) openings.set(root, readOpening(root, gazetteer));
  return openings.get(root)!;
}

function readOpening(root: NormalizedMessage, gazetteer: Gazetteer): AskedQuestion | null {
  const author = authorOf(root);
  if (author === null) return null;
  const authorName = gazetteer.nameOf(author.id) ?? author.name;
  const address = addressOf(root, gazetteer);
  const speakers = { author: authorName, addressee: address && gazetteer.nameOf(address.personId) };
  const said = address === null ? root.text : address.said;
  const names = [speakers.author, speakers.addressee];
  const prepared = prepareMessageText(said);
  const units = groupIntoFactUnits(splitSentences(prepared));
  // "PR is up: <link>": too short to be a fact of its own, yet it says what a reply approves.
  const posted = units.length === 0 && findUrls(prepared).length > 0 ? [prepared] : [];
  const text = [...units, ...posted]
    .map((unit) => withoutOpeners(resolvePronouns(cleanFactText(unit), speakers)))
    .find((unit) => contextDependence(unit, names, { imperative: true }) === null);
  return text === undefined ? null : { asker: authorName, text: shortened(text), kind: 'opening' };
}

function readQuestion(question: NormalizedMessage, gazetteer: Gazetteer): AskedQuestion | null {
  const asker = authorOf(question);
  if (asker === null) return null;
  const askerName = gazetteer.nameOf(asker.id) ?? asker.name;
  const address = addressOf(question, gazetteer);
  const said = address === null ? question.text : address.said;
  const speakers = { author: askerName, addressee: address && gazetteer.nameOf(address.personId) };
  const units = groupIntoFactUnits(splitSentences(prepareMessageText(said)));
  const names = [speakers.author, speakers.addressee];
  const readable = (unit: string) => withoutOpeners(resolvePronouns(cleanFactText(unit), speakers));
  // "your hardware does not support it probably. if you go to File. do you have the alsa device
  // selected?": only a sentence that asks is carried, the first that stands alone ("I've read you
  // shouldn't use all 3? Is it true that aptitude and apt-get clash?").
  const asks = units.filter(isQuestion).flatMap((unit) => {
    const sentences = splitSentences(unit).filter(isQuestion);
    return sentences.length > 0 ? sentences : [unit];
  });
  if (asks.length > 0) {
    const text = asks.map(readable).find((candidate) => contextDependence(candidate, names) === null);
    return text === undefined ? null : { asker: askerName, text: shortened(text), kind: 'question' };
  }
  const problem = units
    .filter(tellsOwnProblem)
    .map(readable)
    .find((text) => contextDependence(text, names) === null);
  return problem === undefined ? null : { asker: askerName, text: shortened(problem), kind: 'problem' };
}

function shortened(text: string): string {
  if (text.length <= MAX_QUESTION_LENGTH) return text;
  const cut = text.slice(0, MAX_QUESTION_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_QUESTION_LENGTH / 2)).trimEnd()}…`;
}

/** "what is sid?", "how do I join?": a question no yes or no answers. */
export function asksOpenly(question: AskedQuestion): boolean {
  return question.kind === 'question' && OPEN_QUESTION.test(question.text);
}

const OPEN_QUESTION = /^(?:\S+\s+){0,2}(?:what|what's|which|who|whom|whose|where|when|why|how)\b/i;

/** At most this many words answer a question that asks for a name or a number ("hoary", "no 5.24"). */
const MAX_NAME_ANSWER_WORDS = 3;

/**
 * "EfaistOs: hoary" to "what's the name in ubuntu of the unstable?": a line too short to be a fact says
 * what a question asking for a name or a number asked for. The answer as said, or null.
 */
export function nameAnswer(said: string, question: AskedQuestion): string | null {
  if (question.kind !== 'question' || !ASKS_FOR_NAME.test(question.text)) return null;
  const text = cleanFactText(said).replace(/[.!]+$/, '');
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}.'-]*/gu) ?? [];
  if (words.length === 0 || words.length > MAX_NAME_ANSWER_WORDS || /\?/.test(text)) return null;
  return /^(?:when|if|as|after|before|once|until|and|or|but|so|because|maybe|idk|dunno|no idea|not sure)\b/i.test(text)
    ? null
    : text;
}

/** "what's the name of …", "which version …", "how much RAM …": asks for a name or a number. */
const ASKS_FOR_NAME = /^(?:\S+\s+){0,2}(?:what(?:'s| is| are)?|which|who(?:'s| is)?|how (?:much|many|big|long|old))\b/i;

/** "EfaistOs: yes" to "is warty stable?": the bare answer's one fact, its text stating the question. */
export function bareAnswerFact(
  message: NormalizedMessage,
  context: ExtractionContext,
  gazetteer: Gazetteer,
  authorKey: string | null,
  text: string,
  knownProjects: ReadonlySet<string>,
): Fact {
  const entities = extractFactEntities(message.text, message, message.mentions, gazetteer, {
    knownProjects,
    withPurpose: false,
  });
  const classification: FactClassification = { type: 'answer', confidence: ANSWER_CONFIDENCE };
  const relations = extractRelations({
    text: message.text,
    entities,
    type: classification.type,
    author: authorKey,
    assignee: null,
    decision: null,
  });
  return buildFact(message, context, 0, {
    text,
    classification,
    entities,
    topics: topicsOf(entities),
    relations,
    subject: null,
    due_at: null,
    owner: null,
    reports_done: false,
  });
}
