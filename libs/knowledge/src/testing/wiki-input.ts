import type { NormalizedMessage } from '@atlas/events';
import type { WikiInput } from '../contracts';
import { extractFacts } from '../extraction/extract-facts';
import { buildGraphDelta } from '../graph/build-graph-delta';
import { CHANNEL } from './chat-messages';

/** What the wiki stage reads once the messages went through extraction and the graph. */
export function wikiInputFrom(
  messages: NormalizedMessage[],
  topic: string | null = 'Billing platform: infra, CI and on-call',
): WikiInput {
  const { facts } = extractFacts(messages, CHANNEL);
  const { entities, relations } = buildGraphDelta(facts, { channel_id: CHANNEL.channel_id });
  return {
    channel: { channel_id: CHANNEL.channel_id, name: CHANNEL.channel_name, topic },
    facts,
    messages: new Map(messages.map((message) => [message.id, message])),
    entities: entities.map(({ id, key, name, type, aliases }) => ({ id, key, name, type, aliases })),
    relations: relations.map(({ id, type, source_id, target_id, fact_ids }) => ({
      id,
      type,
      source_id,
      target_id,
      fact_ids,
      weight: fact_ids.length,
    })),
  };
}
