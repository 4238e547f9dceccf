import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEvent, type AtlasEvent } from '@atlas/events';
import { ChannelGraphBuilder, extractFacts, generateWikiPages } from '@atlas/knowledge';
import { ChannelsQueries, KnowledgeQueries, Projector } from '@atlas/read-models';
import { openStore, type ReadModelStore } from '@atlas/store';
import { loadChannelKnowledge } from '../../libs/stages/src/wiki-generator/channel-knowledge';
import type { DatasetChannel } from '../dataset';
import { BATCH_SIZE, gazetteer, toNormalizedMessages } from '../run-channel';

const meta = { producer: 'eval' };
const JOB_ID = 'eval-sync';

export interface ProjectedChannel {
  store: ReadModelStore;
  channelId: string;
  close(): Promise<void>;
}

/**
 * A day sample synced the way a job syncs it, without NATS: its messages fetched in batches of BATCH_SIZE, the
 * rules extractor and the graph builder run on each batch as their stages do, and the wiki generated from the read
 * models once the graph is complete. Every output is an event of the catalogue folded by the real projector into a
 * SQLite store of its own (a temp folder): the facts, graph, wiki pages and search index POST /api/ask reads.
 */
export async function projectChannel(channel: DatasetChannel): Promise<ProjectedChannel> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-eval-ask-'));
  const store = await openStore({ sqlitePath: join(dir, 'read-models.db') });
  const projector = new Projector(store);
  const channelId = channel.channel.id;
  let seq = 0;
  const apply = async (event: AtlasEvent) =>
    projector.apply({ seq: ++seq, subject: `atlas.channel.${channelId}`, event });

  await apply(
    createEvent(
      'ChannelRegistered',
      {
        channel_id: channelId,
        connection_id: 'eval',
        platform: 'slack',
        name: channel.channel.name,
        topic: null,
        is_private: false,
        message_count_hint: null,
      },
      meta,
    ),
  );
  const messages = toNormalizedMessages(channel);
  const people = gazetteer(channel);
  const byId = new Map(messages.map((message) => [message.id, message]));
  const builder = new ChannelGraphBuilder(channelId, []);
  for (let start = 0, batch = 1; start < messages.length; start += BATCH_SIZE, batch += 1) {
    const slice = messages.slice(start, start + BATCH_SIZE);
    const inBatch = new Set(slice.map((message) => message.id));
    const threadParents = new Map(
      slice.flatMap((message) => {
        const parent = message.thread_parent_id ? byId.get(message.thread_parent_id) : undefined;
        return parent && !inBatch.has(parent.id) ? [[parent.id, parent] as const] : [];
      }),
    );
    const result = extractFacts(slice, {
      channel_id: channelId,
      channel_name: channel.channel.name,
      people,
      thread_parents: threadParents,
    });
    const job = { job_id: JOB_ID, channel_id: channelId, batch };
    await apply(
      createEvent(
        'MessagesFetched',
        {
          ...job,
          messages: slice,
          resume: { token: null, skip: 0, complete: start + BATCH_SIZE >= messages.length },
          cursor: null,
          total_so_far: start + slice.length,
          estimated_total: messages.length,
        },
        meta,
      ),
    );
    await apply(
      createEvent(
        'FactsExtracted',
        {
          ...job,
          extractor_version: 'eval',
          message_ids: slice.map((message) => message.id),
          facts: result.facts,
          failures: result.failures,
          skipped: result.skipped,
          run: { extractor: 'rules', fallback_reason: null, prompt_tokens: 0, completion_tokens: 0 },
        },
        meta,
      ),
    );
    const { entities, relations } = builder.build(result.facts);
    await apply(createEvent('GraphUpdated', { ...job, entities, relations }, meta));
  }

  const input = await loadChannelKnowledge(channelId, new ChannelsQueries(store), new KnowledgeQueries(store));
  const pages = generateWikiPages(input);
  for (const page of pages) {
    await apply(createEvent('WikiPageGenerated', { job_id: JOB_ID, channel_id: channelId, page }, meta));
  }
  const summaries = pages.map(({ slug, title, content_hash, inputs_hash }) => ({
    slug,
    title,
    content_hash,
    inputs_hash,
    changed: true,
  }));
  await apply(createEvent('WikiGenerated', { job_id: JOB_ID, channel_id: channelId, pages: summaries }, meta));
  return {
    store,
    channelId,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
