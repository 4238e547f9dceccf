import type { NormalizedMessage } from '@atlas/events';
import type { WikiFact } from '../contracts';
import { compareNewestFirst } from './fact-order';
import { findOpenQuestions } from './open-questions';
import type { WikiIndex } from './wiki-index';

export interface FaqEntry {
  /** The question fact; null when the thread's opening message is the question and yielded no fact. */
  question: WikiFact | null;
  /** The opening message standing in for a missing question fact. */
  questionMessage: NormalizedMessage | null;
  /** Answer facts given in the question's thread, oldest first. */
  answers: WikiFact[];
  /** No answer fact, but someone else replied in the thread (or replies are missing): not known to be open. */
  discussed: boolean;
  /** The thread the pair comes from. */
  threadId: string | null;
}

/**
 * Questions paired with the answers given in their threads. An answer answers the latest earlier
 * question of its thread asked by someone else (by anyone, when the author asked them all); answers
 * in a thread whose opening message asks something but yielded no question fact answer that message.
 * Answered pairs first, newest question first; then questions discussed without an answer; then open ones.
 */
export function faqOf(index: WikiIndex): FaqEntry[] {
  const threads = new Map<string, WikiFact[]>();
  for (const fact of index.oldestFirst) {
    if (fact.source.thread_id === null || (fact.type !== 'question' && fact.type !== 'answer')) continue;
    // A request asked as a question ("can you update the runbook?") is tracked as a task, not answered.
    if (fact.type === 'question' && (fact.owner ?? null) !== null) continue;
    const thread = threads.get(fact.source.thread_id);
    if (thread) thread.push(fact);
    else threads.set(fact.source.thread_id, [fact]);
  }
  const entries = new Map<string, FaqEntry>();
  const entryOf = (question: WikiFact): FaqEntry => {
    let entry = entries.get(question.id);
    if (!entry) {
      entry = { question, questionMessage: null, answers: [], discussed: false, threadId: question.source.thread_id };
      entries.set(question.id, entry);
    }
    return entry;
  };
  for (const [threadId, facts] of threads) {
    const asked: WikiFact[] = [];
    for (const fact of facts) {
      if (fact.type === 'question') {
        asked.push(fact);
        entryOf(fact);
        continue;
      }
      const byOther = [...asked].reverse().find((q) => q.source.author_id !== fact.source.author_id);
      const question = byOther ?? asked[asked.length - 1];
      if (question) {
        entryOf(question).answers.push(fact);
        continue;
      }
      const opening = index.messages.get(threadId);
      if (opening && opening.text.includes('?') && opening.id !== fact.message_id) {
        const key = `message:${threadId}`;
        const entry = entries.get(key) ?? {
          question: null,
          questionMessage: opening,
          answers: [],
          discussed: false,
          threadId,
        };
        entry.answers.push(fact);
        entries.set(key, entry);
      }
    }
  }
  const open = new Set(findOpenQuestions(index.newestFirst, index.messages).map((fact) => fact.id));
  for (const fact of index.newestFirst) {
    if (fact.type !== 'question' || (fact.owner ?? null) !== null) continue;
    const entry = entryOf(fact);
    entry.discussed = entry.answers.length === 0 && !open.has(fact.id);
  }
  const rank = (entry: FaqEntry) => (entry.answers.length > 0 ? 0 : entry.discussed ? 1 : 2);
  return [...entries.values()].sort((a, b) => rank(a) - rank(b) || compareNewestFirst(askedFact(a), askedFact(b)));
}

/** The fact standing for when the question was asked: the question, or the first answer to a message. */
function askedFact(entry: FaqEntry): WikiFact {
  return entry.question ?? entry.answers[0];
}

export function isOpen(entry: FaqEntry): boolean {
  return entry.answers.length === 0 && !entry.discussed;
}
