import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ConflictError, isoSeconds, NotFoundError, sleep } from '@atlas/common';
import type { AtlasConfig } from '@atlas/config';
import { EventStore } from '@atlas/messaging';
import { ChannelDoc, ChannelsQueries, JobDoc, JobsQueries, waitForProjection } from '@atlas/read-models';
import { ATLAS_CONFIG, READ_MODEL_STORE } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { cancelSync, decideOnChannel, decideOnJob, newJobId, requestSync } from '@atlas/sync';
import { JobHistoryListView, jobHistoryView, jobStatusView, JobStatusView } from './job-view';

/** How long a trigger waits to answer "started" rather than "queued" when a slot is free. */
const START_WAIT_MS = 2_000;

/** POST /api/sync */
export class TriggerSyncView {
  @ApiProperty({ enum: ['started', 'queued'] }) status: 'started' | 'queued';
  @ApiProperty() job_id: string;
  @ApiProperty() channel_id: string;
  @ApiProperty({ type: 'integer', nullable: true }) estimated_messages: number | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) started_at: string | null;
}

/** POST /api/sync/cancel */
export class CancelSyncView {
  @ApiProperty({ enum: ['cancelled'] }) status: 'cancelled';
  @ApiProperty() job_id: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) cancelled_at: string;
}

@Injectable()
export class SyncService {
  constructor(
    private readonly events: EventStore,
    private readonly jobs: JobsQueries,
    private readonly channels: ChannelsQueries,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(ATLAS_CONFIG) private readonly config: AtlasConfig,
  ) {}

  async trigger(channelId: string, force: boolean): Promise<TriggerSyncView> {
    const channel = await this.channels.get(channelId);
    const outcome = await decideOnChannel(
      this.events,
      channelId,
      requestSync({
        job_id: newJobId(),
        channel_id: channelId,
        force,
        trigger: { kind: 'api', slot: null },
        estimated_messages: estimateMessages(channel, force),
        producer: 'gateway',
      }),
    );
    switch (outcome.outcome) {
      case 'not_found':
        throw channelNotFound(channelId);
      case 'in_progress':
      case 'already_requested':
        throw new ConflictError('SYNC_IN_PROGRESS', `Channel ${channelId} is already syncing`, {
          job_id: outcome.job_id,
        });
      case 'requested': {
        await this.readYourWrite(outcome.seq);
        const job = await this.awaitStart(outcome.job_id);
        return {
          status: job.status === 'queued' ? 'queued' : 'started',
          job_id: job.job_id,
          channel_id: channelId,
          estimated_messages: job.estimated_messages,
          started_at: job.started_at ? isoSeconds(job.started_at) : null,
        };
      }
    }
  }

  async status(channelId: string, jobId: string | undefined, now = new Date()): Promise<JobStatusView> {
    const job = jobId ? await this.jobs.get(jobId) : await this.jobs.latestOfChannel(channelId);
    if (!job || job.channel_id !== channelId) {
      if (!jobId && !(await this.channels.get(channelId))) throw channelNotFound(channelId);
      throw new NotFoundError(
        'JOB_NOT_FOUND',
        jobId ? `No job ${jobId} for channel ${channelId}` : `Channel ${channelId} has not been synced yet`,
      );
    }
    return jobStatusView(job, now);
  }

  async history(channelId: string, limit: number, now = new Date()): Promise<JobHistoryListView> {
    const jobs = await this.jobs.history(channelId, limit);
    if (jobs.length === 0 && !(await this.channels.get(channelId))) throw channelNotFound(channelId);
    return { history: jobs.map((job) => jobHistoryView(job, now)) };
  }

  async cancel(jobId: string): Promise<CancelSyncView> {
    // The read model gives where the job lives; whether it can be cancelled is decided from the log.
    const job = await this.jobs.get(jobId);
    if (!job) throw new NotFoundError('JOB_NOT_FOUND', `No job ${jobId}`);
    const outcome = await decideOnJob(
      this.events,
      job,
      cancelSync({
        job_id: job.job_id,
        channel_id: job.channel_id,
        connection_id: job.connection_id,
        previous_cursor: job.previous_cursor,
        reason: 'user',
        producer: 'gateway',
      }),
    );
    if (outcome.outcome === 'not_cancellable') {
      throw new ConflictError('JOB_NOT_CANCELLABLE', `Job ${jobId} is ${outcome.status} and cannot be cancelled`, {
        status: outcome.status,
      });
    }
    await this.readYourWrite(outcome.seq);
    return { status: 'cancelled', job_id: jobId, cancelled_at: isoSeconds(outcome.cancelled_at) };
  }

  private async readYourWrite(seq: number): Promise<void> {
    await waitForProjection(this.store, seq, this.config.readYourWritesTimeoutMs);
  }

  /** A job the dispatcher can admit right away is answered as started; one over the limit as queued. */
  private async awaitStart(jobId: string): Promise<JobDoc> {
    const deadline = Date.now() + START_WAIT_MS;
    for (;;) {
      const job = await this.jobs.get(jobId);
      if (!job) throw new Error(`job ${jobId} is not in the read models after its write was projected`);
      if (job.status !== 'queued' || Date.now() >= deadline) return job;
      if ((await this.jobs.countByStatus('running')) >= this.config.maxConcurrentSyncs) return job;
      await sleep(10);
    }
  }
}

function channelNotFound(channelId: string): NotFoundError {
  return new NotFoundError('CHANNEL_NOT_FOUND', `Channel ${channelId} does not exist`, { channel_id: channelId });
}

/** A full sync reads every message the channel is known to have; an incremental one cannot know. */
function estimateMessages(channel: ChannelDoc | null, force: boolean): number | null {
  if (!channel || (!force && channel.last_sync !== null)) return null;
  return channel.message_count || channel.message_count_hint || null;
}
