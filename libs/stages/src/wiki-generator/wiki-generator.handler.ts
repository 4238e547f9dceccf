import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { TransientError } from '@atlas/common';
import { channelSubject, createEvent } from '@atlas/events';
import type { AtlasEvent, EventDataOf } from '@atlas/events';
import { EventStore, JetStreamEventContext, OnEvent } from '@atlas/messaging';
import { ChannelsQueries, KnowledgeQueries, waitForProjection } from '@atlas/read-models';
import { READ_MODEL_STORE, STAGE_MAX_DELIVER, WORKER } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { JobWriter } from '@atlas/sync';
import { followJob, payloadOf, publishedSoFar } from '../job-stream';
import { KnowledgeWorkerPool } from '../knowledge-workers/knowledge-worker-pool';
import { JobStage, runJobStage } from '../run-job-stage';
import { loadChannelKnowledge } from './channel-knowledge';

const STAGE: JobStage = { stage: 'generating_wiki', producer: 'wiki-generator', maxDeliver: STAGE_MAX_DELIVER };
/** How long the stage waits for the read models to catch up before it retries later. */
const PROJECTION_WAIT_MS = 30_000;

/**
 * generating_wiki: once the graph is built, regenerates the channel's wiki pages from the knowledge
 * read models (every fact the channel has, not just this job's), publishes the pages whose inputs
 * changed, lists every current page (a page not listed is gone), and completes the job.
 */
@Controller()
export class WikiGeneratorHandler {
  constructor(
    private readonly events: EventStore,
    private readonly channels: ChannelsQueries,
    private readonly knowledge: KnowledgeQueries,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    private readonly workers: KnowledgeWorkerPool,
  ) {}

  @OnEvent('SyncStarted', WORKER['wiki-generator'])
  async onSyncStarted(
    @Payload() event: AtlasEvent<'SyncStarted'>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await runJobStage(STAGE, this.events, event.data, context, (writer) => this.generate(writer, event.data, context));
  }

  private async generate(
    writer: JobWriter,
    started: EventDataOf<'SyncStarted'>,
    context: JetStreamEventContext,
  ): Promise<void> {
    let fetched: EventDataOf<'FetchCompleted'> | null = null;
    let extracted: EventDataOf<'ExtractionCompleted'> | null = null;
    for await (const message of followJob(this.events, started, context.seq + 1, context.signal)) {
      if (message.type === 'FetchCompleted') fetched = await payloadOf(this.events, message, 'FetchCompleted');
      if (message.type === 'ExtractionCompleted')
        extracted = await payloadOf(this.events, message, 'ExtractionCompleted');
      if (message.type === 'GraphCompleted') break;
    }
    if (!fetched || !extracted) throw new Error('the graph completed before fetching and extraction did');

    const alreadyGenerated =
      context.deliveryCount > 1 &&
      (await publishedSoFar(this.events, started, context.seq + 1, ['WikiGenerated'])).length > 0;
    if (!alreadyGenerated) await this.publishPages(writer, started, context.signal);

    await writer.append(
      createEvent(
        'SyncCompleted',
        {
          job_id: started.job_id,
          channel_id: started.channel_id,
          connection_id: started.connection_id,
          cursor: fetched.cursor,
          stats: {
            messages_synced: fetched.messages,
            facts_extracted: extracted.facts,
            failing_messages: extracted.failing_messages,
          },
        },
        { producer: STAGE.producer },
      ),
    );
  }

  private async publishPages(
    writer: JobWriter,
    started: EventDataOf<'SyncStarted'>,
    signal: AbortSignal,
  ): Promise<void> {
    // Everything on the channel so far (this job's graph, and pages an earlier attempt published) must be in the read models.
    const last = await this.events.lastEntry(channelSubject(started.channel_id));
    if (last && !(await waitForProjection(this.store, last.seq, PROJECTION_WAIT_MS))) {
      throw new TransientError('the read models are behind the log; retrying when the projector has caught up', 5_000);
    }
    const input = await loadChannelKnowledge(started.channel_id, this.channels, this.knowledge);
    const pages = await this.workers.generateWiki(input, signal);
    const stored = new Map((await this.knowledge.wikiPages(started.channel_id)).map((p) => [p.slug, p]));
    const summaries: EventDataOf<'WikiGenerated'>['pages'] = [];
    for (const page of pages) {
      // A page written from the same inputs would be written the same: it is not rewritten. One this job
      // already wrote (an earlier attempt that died before WikiGenerated) still counts as changed by it.
      const current = stored.get(page.slug);
      const rewrite = current?.inputs_hash !== page.inputs_hash;
      const changed = rewrite || current?.job_id === started.job_id;
      if (rewrite) {
        await writer.append(
          createEvent(
            'WikiPageGenerated',
            { job_id: started.job_id, channel_id: started.channel_id, page },
            { producer: STAGE.producer },
          ),
        );
      }
      summaries.push({
        slug: page.slug,
        title: page.title,
        content_hash: page.content_hash,
        inputs_hash: page.inputs_hash,
        changed,
      });
    }
    await writer.append(
      createEvent(
        'WikiGenerated',
        { job_id: started.job_id, channel_id: started.channel_id, pages: summaries },
        { producer: STAGE.producer },
      ),
    );
  }
}
