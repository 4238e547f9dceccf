import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AppError, errorMessage, NotFoundError, ValidationError } from '@atlas/common';
import type { AtlasConfig } from '@atlas/config';
import { ALL_CHANNELS_SUBJECT, channelSubject } from '@atlas/events';
import { EventStore } from '@atlas/messaging';
import { ChannelsQueries, ConnectionsQueries, JobDoc, JobsQueries } from '@atlas/read-models';
import { ATLAS_CONFIG, READ_MODEL_STORE } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { ProjectionWatch } from './projection-watch';
import { SseConnection } from './sse-connection';
import { parseLastEventId } from './sync-event-messages';
import { SyncEventReads, SyncEventsScope, SyncEventStream } from './sync-event-stream';
import type { SyncEventsQuery } from './sync-events.dto';

/** Jobs whose status a new stream of every channel starts with: the ones that can still change. */
const ACTIVE_STATUSES = ['queued', 'running'];
const MAX_SNAPSHOT_JOBS = 500;

/**
 * GET /api/sync/events: live job status over Server-Sent Events, fed from the event log (a headers-only
 * ordered consumer of the channel subjects), so any gateway replica serves any stream and a client
 * resumes from its Last-Event-ID, a stream sequence. The status sent is read from the jobs read model once
 * the projector has applied the event it answers (docs/LIVE-PROGRESS.md says why).
 */
@Injectable()
export class SyncEventsService implements OnModuleDestroy {
  private readonly open = new Set<SseConnection>();
  /** Open streams per API key (its digest). */
  private readonly openByKey = new Map<string, number>();
  private readonly log = new Logger('SyncEvents');

  constructor(
    private readonly events: EventStore,
    private readonly jobs: JobsQueries,
    private readonly channels: ChannelsQueries,
    private readonly connections: ConnectionsQueries,
    private readonly projection: ProjectionWatch,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(ATLAS_CONFIG) private readonly config: AtlasConfig,
  ) {}

  /** Checks the request's parameters the way GET /api/sync/status does. */
  async scope(query: SyncEventsQuery, lastEventIdHeader: string | undefined): Promise<SyncEventsScope> {
    const resumeAfter = parseLastEventId(lastEventIdHeader ?? query.last_event_id);
    if (resumeAfter === 'invalid') {
      throw new ValidationError('Last-Event-ID (or last_event_id) must be the id of an event this stream sent', {
        last_event_id: lastEventIdHeader ?? query.last_event_id,
      });
    }
    const channelId = query.channel_id ?? null;
    if (query.job_id !== undefined) {
      const job = await this.jobs.get(query.job_id);
      if (!job || (channelId !== null && job.channel_id !== channelId)) {
        const where = channelId === null ? '' : ` for channel ${channelId}`;
        throw new NotFoundError('JOB_NOT_FOUND', `No job ${query.job_id}${where}`);
      }
      return { channelId: job.channel_id, jobId: job.job_id, resumeAfter };
    }
    if (channelId !== null && !(await this.channels.get(channelId)) && !(await this.jobs.latestOfChannel(channelId))) {
      throw new NotFoundError('CHANNEL_NOT_FOUND', `Channel ${channelId} does not exist`, { channel_id: channelId });
    }
    return { channelId, jobId: null, resumeAfter };
  }

  /**
   * Counts a stream against its key, refusing one over ATLAS_SSE_MAX_STREAMS_PER_KEY (each stream holds a
   * consumer on the NATS server). Answers the release, to call once the stream is over.
   */
  reserve(keyId: string): () => void {
    const limit = this.config.syncEvents.maxStreamsPerKey;
    const held = this.openByKey.get(keyId) ?? 0;
    if (held >= limit) {
      throw new TooManyStreamsError(`This API key already holds ${limit} event streams open on this gateway`, {
        limit,
      });
    }
    this.openByKey.set(keyId, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.openByKey.get(keyId) ?? 1) - 1;
      if (left > 0) this.openByKey.set(keyId, left);
      else this.openByKey.delete(keyId);
    };
  }

  /** Serves the stream until the client goes away or the gateway closes. */
  async stream(scope: SyncEventsScope, connection: SseConnection): Promise<void> {
    this.open.add(connection);
    try {
      await new SyncEventStream(this.reads, scope, connection, this.config.syncEvents.statusIntervalMs).run();
    } catch (error) {
      // The client reconnects with its Last-Event-ID and misses nothing.
      if (!connection.closed) this.log.warn(`event stream ended: ${errorMessage(error)}`);
    } finally {
      this.open.delete(connection);
      connection.close();
    }
  }

  onModuleDestroy(): void {
    // Open streams would keep the HTTP server from closing.
    for (const connection of this.open) connection.close();
  }

  private readonly reads: SyncEventReads = {
    lastSequence: () => this.events.lastSequence(),
    follow: (scope: SyncEventsScope, afterSeq: number, signal: AbortSignal) =>
      this.events.read(scope.channelId === null ? ALL_CHANNELS_SUBJECT : channelSubject(scope.channelId), {
        fromSeq: afterSeq + 1,
        follow: true,
        headersOnly: true,
        signal,
      }),
    projected: (seq: number, signal: AbortSignal) => this.projection.reached(seq, signal),
    event: async (seq: number) => (await this.events.entryAt(seq))?.decode() ?? null,
    jobs: (jobIds: string[]) => this.store.getMany<JobDoc>('jobs', jobIds),
    job: (jobId: string) => this.jobs.get(jobId),
    snapshot: async (scope: SyncEventsScope): Promise<JobDoc[]> => {
      if (scope.jobId !== null) return compact([await this.jobs.get(scope.jobId)]);
      if (scope.channelId !== null) return compact([await this.jobs.latestOfChannel(scope.channelId)]);
      return this.store.find<JobDoc>('jobs', {
        where: { status: { $in: ACTIVE_STATUSES } },
        orderBy: [['requested_seq', 'asc']],
        limit: MAX_SNAPSHOT_JOBS,
      });
    },
    platform: async (connectionId: string) => (await this.connections.get(connectionId))?.platform ?? null,
  };
}

function compact<T>(items: Array<T | null>): T[] {
  return items.filter((item): item is T => item !== null);
}

export class TooManyStreamsError extends AppError {
  readonly status = 429;
  constructor(message: string, details: Record<string, unknown>) {
    super('TOO_MANY_STREAMS', message, details);
  }
}
