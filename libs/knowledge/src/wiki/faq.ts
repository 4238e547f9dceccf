import type { NormalizedMessage } from '@atlas/events';
import type { WikiFact } from '../contracts';
import { carriedQuestionOf } from './carried-question';
import { compareChronologically, compareNewestFirst, timeOf } from './fact-order';
import { findOpenQuestions } from './open-questions';
import { postOf, REPLY_WINDOW_MS, ReplyLinks, type Post } from './reply-links';
import type { WikiIndex } from './wiki-index';

export interface FaqEntry {
  /** The question fact; null when the thread's opening message is the question and yielded no fact. */
  question: WikiFact | null;
  /** The opening message standing in for a missing question fact. */
  questionMessage: NormalizedMessage | null;
  /**
   * Answer facts that reply to the question, by others than its asker, oldest first; without any, the
   * action items and decisions of the first reply to it ("Can people pick the weekday?" → "Not yet,
   * Mei will add a weekday picker in v2").
   */
  answers: WikiFact[];
  /** No answer fact, but someone else replied to it (or its thread has replies not given): not known to be open. */
  discussed: boolean;
  /** The thread the pair comes from. */
  threadId: string | null;
}

/**
 * Questions paired with their answers. An answer pairs with a question only when it replies to it
 * and comes from someone else (see ReplyLinks): in the question's thread and addressed to nobody
 * else, or addressed to the asker ("@gus we do") shortly after. It answers the question it carries
 * (see carriedQuestionOf) when that is one of these, else the latest; a thread reply whose thread
 * opened with a question that yielded no question fact answers that message. What a message says after
 * asking a question of its own ("Can we stub the tile server? We don't test the tiles.") backs that
 * question and answers no earlier one. The action items and decisions of a message that answers are
 * part of its answer; a question no answer fact replies to is answered by those of the first message
 * that replies to it, when there is one. Answered pairs first, newest question first; then questions
 * discussed without an answer; then open ones.
 */
export function faqOf(index: WikiIndex): FaqEntry[] {
  const replies = new ReplyLinks(index);
  const entries = new Map<string, FaqEntry>();
  const entryOf = (question: WikiFact): FaqEntry => {
    let entry = entries.get(question.id);
    if (!entry) {
      entry = { question, questionMessage: null, answers: [], discussed: false, threadId: question.source.thread_id };
      entries.set(question.id, entry);
    }
    return entry;
  };
  const byThread = new Map<string, WikiFact[]>();
  const byAsker = new Map<string, WikiFact[]>();
  const firstQuestionOfMessage = firstQuestionIndexByMessage(index);
  const replyActs = new Map<WikiFact, WikiFact[]>();
  for (const fact of index.oldestFirst) {
    if (fact.type === 'question') {
      // A request asked as a question ("can you update the runbook?") is tracked as a task, not answered.
      if ((fact.owner ?? null) !== null) continue;
      entryOf(fact);
      if (fact.source.thread_id !== null) pushTo(byThread, fact.source.thread_id, fact);
      if (fact.source.author_id !== null) pushTo(byAsker, fact.source.author_id, fact);
      continue;
    }
    if (fact.type === 'action_item' || fact.type === 'decision') {
      const question = latestAnswered(fact, replies, byThread, byAsker);
      if (question) pushTo(replyActs, question, fact);
      continue;
    }
    if (fact.type !== 'answer') continue;
    if (fact.index > (firstQuestionOfMessage.get(fact.message_id) ?? Infinity)) continue;
    const reply = postOf(fact);
    const question = latestAnswered(fact, replies, byThread, byAsker);
    if (question) {
      entryOf(question).answers.push(fact);
      continue;
    }
    const opening = reply.threadId === null ? undefined : index.messages.get(reply.threadId);
    if (
      opening &&
      opening.text.includes('?') &&
      opening.id !== fact.message_id &&
      repliesToMessage(replies, reply, opening)
    ) {
      const key = `message:${opening.id}`;
      const entry = entries.get(key) ?? {
        question: null,
        questionMessage: opening,
        answers: [],
        discussed: false,
        threadId: opening.id,
      };
      entry.answers.push(fact);
      entries.set(key, entry);
    }
  }
  for (const [question, acts] of replyActs) {
    const entry = entryOf(question);
    // A reply's task or decision is part of its answer ("Yes, I'll add a fixture server. Should cut 3 minutes.").
    const answering = new Set(entry.answers.map((answer) => answer.message_id));
    if (answering.size === 0) answering.add(acts[0].message_id);
    entry.answers.push(...acts.filter((act) => answering.has(act.message_id)));
    entry.answers.sort(compareChronologically);
  }
  const open = new Set(findOpenQuestions(index.newestFirst, index.messages, replies).map((fact) => fact.id));
  for (const fact of index.newestFirst) {
    if (fact.type !== 'question' || (fact.owner ?? null) !== null) continue;
    const entry = entryOf(fact);
    entry.discussed = entry.answers.length === 0 && !open.has(fact.id);
  }
  const rank = (entry: FaqEntry) => (entry.answers.length > 0 ? 0 : entry.discussed ? 1 : 2);
  return [...entries.values()].sort((a, b) => rank(a) - rank(b) || compareNewestFirst(askedFact(a), askedFact(b)));
}

/** The latest question asked before the answer that it replies to: in its thread, or by whom it addresses. */
function latestAnswered(
  answer: WikiFact,
  replies: ReplyLinks,
  byThread: ReadonlyMap<string, WikiFact[]>,
  byAsker: ReadonlyMap<string, WikiFact[]>,
): WikiFact | undefined {
  const reply = postOf(answer);
  const answers = (question: WikiFact) => replies.repliesTo(reply, postOf(question));
  const carried = carriedQuestionOf(answer.text)?.question;
  const thread = reply.threadId === null ? [] : (byThread.get(reply.threadId) ?? []);
  const named = carried === undefined ? undefined : thread.findLast((q) => q.text === carried && answers(q));
  if (named) return named;
  const inThread = thread.findLast(answers);
  const addressee = replies.addresseeOf(reply.messageId);
  const addressed = addressee === null ? undefined : latestWithinReach(byAsker.get(addressee) ?? [], reply, answers);
  if (!inThread || !addressed) return inThread ?? addressed;
  return compareChronologically(inThread, addressed) >= 0 ? inThread : addressed;
}

/**
 * The latest of an asker's questions, oldest first and all asked before the reply, that it answers:
 * only those of the last REPLY_WINDOW_MS can, so the walk back stops there.
 */
function latestWithinReach(
  questions: readonly WikiFact[],
  reply: Post,
  answers: (question: WikiFact) => boolean,
): WikiFact | undefined {
  const earliest = timeOf(reply.timestamp) - REPLY_WINDOW_MS;
  for (let i = questions.length - 1; i >= 0 && timeOf(questions[i].source.timestamp) >= earliest; i--)
    if (answers(questions[i])) return questions[i];
  return undefined;
}

/** Per message, the index of its first question fact: what follows it in the message backs that question. */
function firstQuestionIndexByMessage(index: WikiIndex): Map<string, number> {
  const first = new Map<string, number>();
  for (const fact of index.oldestFirst)
    if (fact.type === 'question')
      first.set(fact.message_id, Math.min(fact.index, first.get(fact.message_id) ?? Infinity));
  return first;
}

function repliesToMessage(replies: ReplyLinks, reply: Post, message: NormalizedMessage): boolean {
  return replies.repliesTo(reply, {
    messageId: message.id,
    authorId: message.author_id,
    timestamp: message.timestamp,
    threadId: message.id,
  });
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The fact standing for when the question was asked: the question, or the first answer to a message. */
function askedFact(entry: FaqEntry): WikiFact {
  return entry.question ?? entry.answers[0];
}

export function isOpen(entry: FaqEntry): boolean {
  return entry.answers.length === 0 && !entry.discussed;
}
