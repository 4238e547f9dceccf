import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { AtlasConfig, ResolvedSecrets } from '@atlas/config';
import { createEvent } from '@atlas/events';
import type { AtlasEvent, EventDataOf } from '@atlas/events';
import { EventStore, JetStreamEventContext, OnEvent } from '@atlas/messaging';
import { ResumePoint } from '@atlas/platforms';
import { JobsQueries } from '@atlas/read-models';
import { ATLAS_CONFIG, READ_MODEL_STORE, SECRETS, STAGE_MAX_DELIVER, WORKER } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { JobWriter } from '@atlas/sync';
import { JobClosureWatch } from '../job-closure-watch';
import { payloadOf, publishedSoFar } from '../job-stream';
import { JobStage, runJobStage } from '../run-job-stage';
import { connectorFor } from './connection-connector';
import { FetchWaitNotices } from './fetch-wait-notices';
import { permalinksChanged } from './permalinks-changed';
import { splitIntoBatches } from './split-into-batches';

const STAGE: JobStage = { stage: 'fetching_messages', producer: 'fetcher', maxDeliver: STAGE_MAX_DELIVER };

interface FetchProgress {
  batch: number;
  total: number;
  cursor: string | null;
  resume: ResumePoint | null;
  complete: boolean;
}

/**
 * fetching_messages: pages through the channel on its platform and publishes each page as batches of
 * normalized messages. Each batch records where the fetch resumes, so a restarted fetcher continues
 * after the last published batch instead of starting over.
 */
@Controller()
export class FetcherHandler {
  constructor(
    private readonly events: EventStore,
    private readonly jobs: JobsQueries,
    @Inject(ATLAS_CONFIG) private readonly config: AtlasConfig,
    @Inject(SECRETS) private readonly secrets: ResolvedSecrets,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
  ) {}

  @OnEvent('SyncStarted', WORKER.fetcher)
  async onSyncStarted(
    @Payload() event: AtlasEvent<'SyncStarted'>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await runJobStage(STAGE, this.events, event.data, context, (writer) => this.fetch(writer, event.data, context));
  }

  private async fetch(
    writer: JobWriter,
    started: EventDataOf<'SyncStarted'>,
    context: JetStreamEventContext,
  ): Promise<void> {
    const progress = await this.progressSoFar(started, context);
    if (progress === 'fetch_completed') return;
    if (!progress.complete) await this.fetchRemaining(writer, started, progress, context);
    await writer.append(
      createEvent(
        'FetchCompleted',
        {
          job_id: started.job_id,
          channel_id: started.channel_id,
          batches: progress.batch,
          messages: progress.total,
          cursor: progress.cursor,
        },
        { producer: STAGE.producer },
      ),
    );
  }

  private async fetchRemaining(
    writer: JobWriter,
    started: EventDataOf<'SyncStarted'>,
    progress: FetchProgress,
    context: JetStreamEventContext,
  ): Promise<void> {
    const notices = new FetchWaitNotices(writer, started, context.deliveryCount, STAGE.producer);
    const connector = await connectorFor(this.events, started.connection_id, this.secrets.secretKey, {
      maxRetryAfterSeconds: this.config.maxRetryAfterSeconds,
      importDir: this.config.importDir,
      outboundPolicy: this.config.outboundUrls,
      onWait: notices.onWait,
    });
    const wholeHistory =
      started.force || (await permalinksChanged(connector, started, context.seq, this.store, this.jobs));
    const watch = new JobClosureWatch(this.events, started, context.seq + 1, context.signal);
    const publishedBefore = progress.total;
    let pageToken = progress.resume?.token ?? null;
    let skipInPage = progress.resume?.skip ?? 0;
    try {
      const pages = connector.fetchMessages({
        channelId: started.channel_id,
        since: wholeHistory ? null : started.previous_cursor,
        resume: progress.resume,
        signal: watch.signal,
      });
      for await (const page of pages) {
        const batches = splitIntoBatches(page.messages);
        progress.cursor = page.cursor ?? progress.cursor;
        for (const [index, messages] of batches.entries()) {
          const lastOfPage = index === batches.length - 1;
          progress.batch += 1;
          progress.total += messages.length;
          skipInPage += messages.length;
          const resume = lastOfPage
            ? { token: page.nextToken, skip: 0, complete: page.nextToken === null }
            : { token: pageToken, skip: skipInPage, complete: false };
          await notices.settled();
          await writer.append(
            createEvent(
              'MessagesFetched',
              {
                job_id: started.job_id,
                channel_id: started.channel_id,
                batch: progress.batch,
                messages,
                resume,
                cursor: progress.cursor,
                total_so_far: progress.total,
                estimated_total: page.estimatedTotal == null ? null : publishedBefore + page.estimatedTotal,
              },
              { producer: STAGE.producer },
            ),
          );
        }
        pageToken = page.nextToken;
        skipInPage = 0;
      }
    } catch (error) {
      throw watch.closedError() ?? error;
    } finally {
      watch.stop();
    }
  }

  /** Where an earlier attempt of this fetch got to (read back from the log), or a fresh start. */
  private async progressSoFar(
    started: EventDataOf<'SyncStarted'>,
    context: JetStreamEventContext,
  ): Promise<FetchProgress | 'fetch_completed'> {
    const fresh: FetchProgress = {
      batch: 0,
      total: 0,
      cursor: started.force ? null : started.previous_cursor,
      resume: null,
      complete: false,
    };
    if (context.deliveryCount === 1) return fresh;
    const published = await publishedSoFar(this.events, started, context.seq + 1, [
      'MessagesFetched',
      'FetchCompleted',
    ]);
    if (published.some((m) => m.type === 'FetchCompleted')) return 'fetch_completed';
    const last = published.at(-1);
    if (!last) return fresh;
    const batch = await payloadOf(this.events, last, 'MessagesFetched');
    return {
      batch: batch.batch,
      total: batch.total_so_far,
      cursor: batch.cursor,
      resume: { token: batch.resume.token, skip: batch.resume.skip, cursor: batch.cursor },
      complete: batch.resume.complete,
    };
  }
}
