import type { Fact } from '@atlas/events';
import { addresseeOf } from '../extraction/addressee';
import { Gazetteer } from '../extraction/gazetteer';
import { timeOf } from './fact-order';
import type { WikiIndex } from './wiki-index';

/**
 * How long after a question a message addressed to its asker still replies to it. Chat without
 * threads interleaves conversations; the extractor reads addressed answers within the same window.
 */
export const REPLY_WINDOW_MS = 30 * 60_000;

/**
 * Whom a message replies to, as far as chat shows it: a thread reply replies in its thread, and a
 * message opened by a person's @mention or name ("@ana yes", "trey: that is new") replies to that
 * person, the way chat without threads marks a reply.
 */
export class ReplyLinks {
  private readonly gazetteer: Gazetteer;
  private readonly addressees = new Map<string, string | null>();

  constructor(private readonly index: WikiIndex) {
    this.gazetteer = new Gazetteer(
      index
        .allEntities()
        .filter((entity) => entity.type === 'person' && entity.key.startsWith('person:'))
        .map((entity) => ({ id: entity.key.slice('person:'.length), name: entity.name, aliases: entity.aliases })),
    );
  }

  /** The person the message is addressed to (never its author), or null. */
  addresseeOf(messageId: string): string | null {
    let addressee = this.addressees.get(messageId);
    if (addressee === undefined) {
      const message = this.index.messages.get(messageId);
      addressee = message ? addresseeOf(message, this.gazetteer.forMessage(message)) : null;
      this.addressees.set(messageId, addressee);
    }
    return addressee;
  }

  /**
   * Whether a later post by someone else can be a reply to a question: a post in the question's
   * thread addressed to nobody else, or a post addressed to the asker shortly after.
   */
  repliesTo(reply: Post, question: Post): boolean {
    if (reply.authorId === question.authorId) return false;
    const delay = timeOf(reply.timestamp) - timeOf(question.timestamp);
    if (delay < 0) return false;
    const addressee = this.addresseeOf(reply.messageId);
    if (question.threadId !== null && reply.threadId === question.threadId)
      return addressee === null || addressee === question.authorId;
    return addressee !== null && addressee === question.authorId && delay <= REPLY_WINDOW_MS;
  }
}

/** A message as a question or its reply: who, when, in which thread (null: none). */
export interface Post {
  messageId: string;
  authorId: string | null;
  timestamp: string;
  threadId: string | null;
}

/** The post a fact comes from. */
export function postOf(fact: Fact): Post {
  const { source } = fact;
  return {
    messageId: fact.message_id,
    authorId: source.author_id,
    timestamp: source.timestamp,
    threadId: source.thread_id,
  };
}
