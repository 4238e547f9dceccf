import { stableId } from '@atlas/common';
import type { ExtractionFailure, Fact, FactSource, NormalizedMessage } from '@atlas/events';
import type { ExtractionContext, ExtractionResult } from '../contracts';
import { extractFactEntities } from './entities';
import { groupIntoFactUnits } from './fact-units';
import { classifyFact } from './fact-type';
import { prepareMessageText } from './message-text';
import { assertExtractable, isWrittenByPerson } from './message-filter';
import { locateMentions } from './people';
import { splitSentences } from './sentences';

/** Part of every fact id: a new version of the rules yields new facts instead of overwriting old ones. */
export const EXTRACTOR_VERSION = 'rules-1';

/**
 * The atomic facts of a batch of messages of one channel. Deterministic: the same message always
 * yields the same facts with the same ids. A message that cannot be extracted is recorded as a
 * failure and never stops the batch.
 */
export function extractFacts(messages: NormalizedMessage[], context: ExtractionContext): ExtractionResult {
  const facts: Fact[] = [];
  const failures: ExtractionFailure[] = [];
  for (const message of latestVersionOfEach(messages)) {
    try {
      facts.push(...extractMessageFacts(message, context));
    } catch (error) {
      failures.push({ message_id: message.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { facts, failures };
}

/** A message delivered twice (or edited and re-fetched) in one batch gives its facts once. */
function latestVersionOfEach(messages: readonly NormalizedMessage[]): NormalizedMessage[] {
  const byId = new Map<string, NormalizedMessage>();
  for (const message of messages) byId.set(message.id, message);
  return [...byId.values()];
}

function extractMessageFacts(message: NormalizedMessage, context: ExtractionContext): Fact[] {
  assertExtractable(message, context.channel_id);
  // A deleted message says nothing any more: listed with no facts, the facts it had are retracted.
  if (message.deleted || !isWrittenByPerson(message)) return [];
  const texts = groupIntoFactUnits(splitSentences(prepareMessageText(message.text)));
  const mentionsByText = locateMentions(texts, message.mentions);
  return texts.map((text, index) => ({
    id: stableId('fact', context.channel_id, message.id, EXTRACTOR_VERSION, index),
    channel_id: context.channel_id,
    message_id: message.id,
    extractor_version: EXTRACTOR_VERSION,
    index,
    text,
    ...classifyFact(text),
    entities: extractFactEntities(text, message, mentionsByText[index]),
    source: sourceOf(message),
  }));
}

function sourceOf(message: NormalizedMessage): FactSource {
  return {
    message_id: message.id,
    author_id: message.author_id,
    author_name: message.author_name,
    timestamp: message.timestamp,
    thread_id: message.thread_parent_id ?? (message.reply_count > 0 ? message.id : null),
    permalink: message.permalink,
  };
}
