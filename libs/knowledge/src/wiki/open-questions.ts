import type { Fact, NormalizedMessage } from '@atlas/events';
import { timeOf } from './fact-order';

interface ThreadPost {
  messageId: string;
  authorId: string | null;
  time: number;
}

/**
 * The question facts nobody answered in their thread. A question is answered when a later post in
 * its thread comes from someone else. A question opening a thread whose replies were not given
 * (more replies than known) counts as answered: the evidence is missing, not the answer.
 */
export function findOpenQuestions(facts: readonly Fact[], messages: ReadonlyMap<string, NormalizedMessage>): Fact[] {
  const posts = postsByThread(facts, messages);
  // A request asked as a question has an owner: it is open as a task (action items), not as a question.
  return facts.filter(
    (fact) => fact.type === 'question' && (fact.owner ?? null) === null && !isAnswered(fact, posts, messages),
  );
}

function isAnswered(
  question: Fact,
  postsByThreadId: ReadonlyMap<string, ThreadPost[]>,
  messages: ReadonlyMap<string, NormalizedMessage>,
): boolean {
  const threadId = question.source.thread_id;
  if (threadId === null) return false;
  const posts = postsByThreadId.get(threadId) ?? [];
  const asked = timeOf(question.source.timestamp);
  if (posts.some((post) => post.time > asked && post.authorId !== question.source.author_id)) return true;
  const opensThread = threadId === question.message_id;
  const knownReplies = posts.filter((post) => post.messageId !== threadId).length;
  return opensThread && (messages.get(question.message_id)?.reply_count ?? 0) > knownReplies;
}

function postsByThread(
  facts: readonly Fact[],
  messages: ReadonlyMap<string, NormalizedMessage>,
): Map<string, ThreadPost[]> {
  const posts = new Map<string, ThreadPost & { threadId: string }>();
  for (const message of messages.values()) {
    const threadId = message.thread_parent_id ?? (message.reply_count > 0 ? message.id : null);
    if (threadId !== null)
      posts.set(message.id, {
        messageId: message.id,
        threadId,
        authorId: message.author_id,
        time: timeOf(message.timestamp),
      });
  }
  for (const { source } of facts) {
    if (source.thread_id !== null && !posts.has(source.message_id)) {
      posts.set(source.message_id, {
        messageId: source.message_id,
        threadId: source.thread_id,
        authorId: source.author_id,
        time: timeOf(source.timestamp),
      });
    }
  }
  const byThread = new Map<string, ThreadPost[]>();
  for (const post of posts.values()) {
    const thread = byThread.get(post.threadId);
    if (thread) thread.push(post);
    else byThread.set(post.threadId, [post]);
  }
  return byThread;
}
