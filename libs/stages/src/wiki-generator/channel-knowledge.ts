import type { NormalizedMessage } from '@atlas/events';
import type { WikiFact, WikiInput } from '@atlas/knowledge';
import { ChannelsQueries, FactDoc, graphEntityOfDoc, KnowledgeQueries, messageOfDoc } from '@atlas/read-models';

/**
 * Everything the wiki of a channel is written from, read from the knowledge read models: its facts
 * (with their graph entities and supersession), their source messages and the opening messages of the
 * threads they answer in (a FAQ pairs answers with the question a thread opened with), and the graph.
 */
export async function loadChannelKnowledge(
  channelId: string,
  channels: ChannelsQueries,
  knowledge: KnowledgeQueries,
): Promise<WikiInput> {
  const channel = await channels.get(channelId);
  const facts: WikiFact[] = [];
  for await (const doc of knowledge.factsOfChannel(channelId)) facts.push(asWikiFact(doc));
  // In fact id order, as the pages were always written from: ties in the pages' own orders fall the same way.
  facts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const messageIds = new Set(facts.map((fact) => fact.message_id));
  for (const fact of facts) if (fact.type === 'answer' && fact.source.thread_id) messageIds.add(fact.source.thread_id);
  const messages = new Map<string, NormalizedMessage>(
    (await knowledge.messages(channelId, [...messageIds])).map((doc) => [doc.message_id, messageOfDoc(doc)]),
  );
  const entityIds = [...new Set(facts.flatMap((fact) => fact.entity_ids))];
  const entities = await knowledge.entities(entityIds);
  const relations = await knowledge.relationsOfChannel(channelId);
  return {
    channel: { channel_id: channelId, name: channel?.name ?? channelId, topic: channel?.topic ?? null },
    facts,
    messages,
    entities: entities.map(graphEntityOfDoc),
    relations: relations.map(({ id, type, source_id, target_id, fact_ids, weight }) => ({
      id,
      type,
      source_id,
      target_id,
      fact_ids,
      weight,
    })),
  };
}

/** The fact as the wiki reads it; documents written before supersession was tracked have none. */
function asWikiFact(doc: FactDoc): WikiFact {
  return {
    id: doc.id,
    channel_id: doc.channel_id,
    message_id: doc.message_id,
    extractor_version: doc.extractor_version,
    index: doc.index,
    text: doc.text,
    type: doc.type,
    confidence: doc.confidence,
    entities: doc.entities,
    relations: doc.relations ?? [],
    topics: doc.topics ?? [],
    subject: doc.subject ?? null,
    valid_at: doc.valid_at ?? doc.source.timestamp,
    due_at: doc.due_at ?? null,
    language: doc.language,
    source: doc.source,
    entity_ids: doc.entity_ids ?? [],
    supersedes: doc.supersedes ?? null,
    superseded_by: doc.superseded_by ?? null,
    owner: doc.owner ?? null,
    reports_done: doc.reports_done ?? false,
    state: doc.state ?? null,
    closed_by: doc.closed_by ?? null,
  };
}
