import { performance } from 'node:perf_hooks';
import type { ExtractionFailure, Fact, NormalizedMessage } from '@atlas/events';
import { ChannelGraphBuilder, extractFacts, type GazetteerPerson } from '@atlas/knowledge';
import type { DatasetChannel } from './dataset';
import type { GraphEntitySummary } from './scoring';

/** Messages per extraction batch, as the extractor stage reads them. */
export const BATCH_SIZE = 100;

export interface ChannelRun {
  facts: Fact[];
  skipped: Set<string>;
  failures: ExtractionFailure[];
  /** Graph entity id of each fact entity key. */
  entityOfKey: Map<string, string>;
  graph: Map<string, GraphEntitySummary>;
  extractMs: number;
  graphMs: number;
}

/** The channel's messages as the fetcher would store them, oldest first. */
export function toNormalizedMessages(channel: DatasetChannel): NormalizedMessage[] {
  const names = new Map(channel.people.map((person) => [person.id, person.name]));
  const replies = new Map<string, number>();
  for (const message of channel.messages)
    if (message.thread_parent_id)
      replies.set(message.thread_parent_id, (replies.get(message.thread_parent_id) ?? 0) + 1);
  return channel.messages
    .map((message): NormalizedMessage => ({
      id: message.id,
      channel_id: channel.channel.id,
      author_id: message.author_id,
      author_name: names.get(message.author_id) ?? null,
      text: message.text,
      timestamp: message.timestamp,
      thread_parent_id: message.thread_parent_id,
      reply_count: replies.get(message.id) ?? 0,
      edited: false,
      edited_at: null,
      deleted: false,
      attachments: [],
      permalink: null,
      mentions: message.mentions,
      subtype: message.subtype ?? (message.is_bot ? 'bot_message' : null),
      is_bot: message.is_bot ?? false,
    }))
    .sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
}

export function gazetteer(channel: DatasetChannel): GazetteerPerson[] {
  return channel.people
    .filter((person) => !person.is_bot)
    .map((person) => ({ id: person.id, name: person.name, aliases: person.aliases }));
}

/**
 * Runs the channel as a sync job would: extraction in batches of BATCH_SIZE, each batch told about the thread
 * parents that earlier batches held, and one graph builder for the whole channel fed batch by batch.
 */
export function runChannel(channel: DatasetChannel, messages: readonly NormalizedMessage[]): ChannelRun {
  const people = gazetteer(channel);
  const byId = new Map(messages.map((message) => [message.id, message]));
  const builder = new ChannelGraphBuilder(channel.channel.id, []);
  const run: ChannelRun = {
    facts: [],
    skipped: new Set(),
    failures: [],
    entityOfKey: new Map(),
    graph: new Map(),
    extractMs: 0,
    graphMs: 0,
  };
  for (let start = 0; start < messages.length; start += BATCH_SIZE) {
    const batch = messages.slice(start, start + BATCH_SIZE);
    const inBatch = new Set(batch.map((message) => message.id));
    const threadParents = new Map<string, NormalizedMessage>();
    for (const message of batch) {
      const parentId = message.thread_parent_id;
      const parent = parentId ? byId.get(parentId) : undefined;
      if (parent && !inBatch.has(parent.id)) threadParents.set(parent.id, parent);
    }
    let started = performance.now();
    const result = extractFacts(batch, {
      channel_id: channel.channel.id,
      channel_name: channel.channel.name,
      people,
      thread_parents: threadParents,
    });
    run.extractMs += performance.now() - started;
    started = performance.now();
    const delta = builder.build(result.facts);
    run.graphMs += performance.now() - started;

    run.facts.push(...result.facts);
    run.failures.push(...result.failures);
    result.skipped.forEach((skipped) => run.skipped.add(skipped.message_id));
    for (const entity of delta.entities) {
      for (const key of entity.keys) run.entityOfKey.set(key, entity.id);
      const known = run.graph.get(entity.id);
      const aliases = new Set([...(known?.aliases ?? []), ...entity.aliases]);
      run.graph.set(entity.id, { id: entity.id, name: entity.name, type: entity.type, aliases: [...aliases] });
    }
  }
  return run;
}
