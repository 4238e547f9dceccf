import type { NormalizedMessage } from '@atlas/events';
import type { WikiInput } from '@atlas/knowledge';
import { ChannelsQueries, FactDoc, KnowledgeQueries, MessageDoc } from '@atlas/read-models';

/** Everything the wiki of a channel is written from, read from the knowledge read models. */
export async function loadChannelKnowledge(
  channelId: string,
  channels: ChannelsQueries,
  knowledge: KnowledgeQueries,
): Promise<WikiInput> {
  const channel = await channels.get(channelId);
  const facts: FactDoc[] = [];
  for await (const fact of knowledge.factsOfChannel(channelId)) facts.push(fact);
  const messages = new Map<string, NormalizedMessage>(
    (
      await knowledge.messages(
        channelId,
        facts.map((f) => f.message_id),
      )
    ).map((doc) => [doc.message_id, asMessage(doc)]),
  );
  const entityIds = [...new Set(facts.flatMap((f) => f.entity_ids))];
  const entities = await knowledge.entities(entityIds);
  const relations = await knowledge.relationsOfChannel(channelId);
  return {
    channel: { channel_id: channelId, name: channel?.name ?? channelId, topic: channel?.topic ?? null },
    facts,
    messages,
    entities: entities.map(({ id, key, name, type, aliases }) => ({ id, key, name, type, aliases })),
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

function asMessage(doc: MessageDoc): NormalizedMessage {
  return {
    id: doc.message_id,
    channel_id: doc.channel_id,
    author_id: doc.author_id,
    author_name: doc.author_name,
    text: doc.text,
    timestamp: doc.timestamp,
    thread_parent_id: doc.thread_parent_id,
    reply_count: doc.reply_count,
    edited: doc.edited,
    edited_at: doc.edited_at ?? null,
    deleted: doc.deleted ?? false,
    attachments: doc.attachments,
    permalink: doc.permalink,
    mentions: doc.mentions,
    subtype: doc.subtype,
    is_bot: doc.is_bot,
  };
}
