import type { Fact, NormalizedMessage } from '@atlas/events';
import { timeOf } from './fact-order';
import { postOf, REPLY_WINDOW_MS, type Post, type ReplyLinks } from './reply-links';

/**
 * The question facts nobody replied to. A question is replied to when a later post by someone else
 * replies to it (see ReplyLinks: in its thread and addressed to nobody else, or addressed to the
 * asker shortly after). A question opening a thread whose replies were not given (more replies than
 * known) counts as replied to: the evidence is missing, not the reply.
 */
export function findOpenQuestions(
  facts: readonly Fact[],
  messages: ReadonlyMap<string, NormalizedMessage>,
  replies: ReplyLinks,
): Fact[] {
  // Indexed by thread and by addressee: only those posts can reply to a question.
  const byThread = new Map<string, Post[]>();
  const byAddressee = new Map<string, Post[]>();
  for (const post of postsOf(facts, messages)) {
    if (post.threadId !== null) pushTo(byThread, post.threadId, post);
    const addressee = replies.addresseeOf(post.messageId);
    if (addressee !== null) pushTo(byAddressee, addressee, post);
  }
  for (const posts of byAddressee.values()) posts.sort((a, b) => timeOf(a.timestamp) - timeOf(b.timestamp));
  return facts.filter((fact) => {
    // A request asked as a question has an owner: it is open as a task (action items), not as a question.
    if (fact.type !== 'question' || (fact.owner ?? null) !== null) return false;
    const asked = postOf(fact);
    const candidates = [
      ...(asked.threadId === null ? [] : (byThread.get(asked.threadId) ?? [])),
      ...(asked.authorId === null ? [] : withinReach(byAddressee.get(asked.authorId) ?? [], asked)),
    ];
    if (candidates.some((post) => replies.repliesTo(post, asked))) return false;
    return !hasRepliesNotGiven(fact, byThread, messages);
  });
}

/** The posts, in time order, of the REPLY_WINDOW_MS after a question: only they can reply by address. */
function withinReach(posts: readonly Post[], asked: Post): Post[] {
  const from = timeOf(asked.timestamp);
  let low = 0;
  let high = posts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (timeOf(posts[middle].timestamp) < from) low = middle + 1;
    else high = middle;
  }
  const reach: Post[] = [];
  for (let i = low; i < posts.length && timeOf(posts[i].timestamp) <= from + REPLY_WINDOW_MS; i++) reach.push(posts[i]);
  return reach;
}

/** A question opening a thread with more replies than are known: its replies were not given. */
function hasRepliesNotGiven(
  question: Fact,
  byThread: ReadonlyMap<string, Post[]>,
  messages: ReadonlyMap<string, NormalizedMessage>,
): boolean {
  const threadId = question.source.thread_id;
  if (threadId === null || threadId !== question.message_id) return false;
  const knownReplies = (byThread.get(threadId) ?? []).filter((post) => post.messageId !== threadId).length;
  return (messages.get(question.message_id)?.reply_count ?? 0) > knownReplies;
}

/** Every post known: the messages given and the sources of the facts, once each. */
function postsOf(facts: readonly Fact[], messages: ReadonlyMap<string, NormalizedMessage>): Post[] {
  const posts = new Map<string, Post>();
  for (const message of messages.values()) {
    posts.set(message.id, {
      messageId: message.id,
      authorId: message.author_id,
      timestamp: message.timestamp,
      threadId: message.thread_parent_id ?? (message.reply_count > 0 ? message.id : null),
    });
  }
  for (const fact of facts) if (!posts.has(fact.message_id)) posts.set(fact.message_id, postOf(fact));
  return [...posts.values()];
}

function pushTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
