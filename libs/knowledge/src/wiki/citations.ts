import type { Fact, NormalizedMessage, WikiCitation } from '@atlas/events';
import { shorten } from './markdown';
import { withEmoji } from './emoji';

const EXCERPT_LENGTH = 140;

/**
 * The sources of one page, numbered in order of first use. A citation resolves to a message, so two
 * facts of one message share a number.
 */
export class CitationRegistry {
  private readonly byMessageId = new Map<string, WikiCitation>();

  constructor(private readonly messages: ReadonlyMap<string, NormalizedMessage>) {}

  /** The number of the fact's source message on this page. */
  numberFor(fact: Fact): number {
    const known = this.byMessageId.get(fact.message_id);
    if (known) return known.n;
    return this.register(this.citationOf(fact, this.byMessageId.size + 1));
  }

  /** The number of a message quoted directly (a thread's opening question that yielded no fact). */
  numberForMessage(message: NormalizedMessage): number {
    const known = this.byMessageId.get(message.id);
    if (known) return known.n;
    return this.register({
      n: this.byMessageId.size + 1,
      message_id: message.id,
      author_name: message.author_name,
      timestamp: message.timestamp,
      excerpt: shorten(withEmoji(message.text), EXCERPT_LENGTH),
      permalink: message.permalink,
    });
  }

  all(): WikiCitation[] {
    return [...this.byMessageId.values()];
  }

  private register(citation: WikiCitation): number {
    this.byMessageId.set(citation.message_id, citation);
    return citation.n;
  }

  /** The message's own fields; the fact's copy of them when the message was not provided. */
  private citationOf(fact: Fact, n: number): WikiCitation {
    const message = this.messages.get(fact.message_id);
    return {
      n,
      message_id: fact.message_id,
      author_name: message?.author_name ?? fact.source.author_name,
      timestamp: message?.timestamp ?? fact.source.timestamp,
      excerpt: shorten(withEmoji(message?.text ?? fact.text), EXCERPT_LENGTH),
      permalink: message?.permalink ?? fact.source.permalink,
    };
  }
}
