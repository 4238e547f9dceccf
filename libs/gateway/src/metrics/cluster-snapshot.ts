import { Inject, Injectable } from '@nestjs/common';
import { JetStreamManager, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JobStatus } from '@atlas/events';
import { STREAM_NAME } from '@atlas/messaging';
import { PipelineMetricsQueries, PipelineTotalsDoc, Projector } from '@atlas/read-models';
import { NATS_CONNECTION, READ_MODEL_STORE, WORKER_NAMES } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';

/** One durable consumer's state, as JetStream reports it. */
export interface ConsumerState {
  consumer: string;
  /** Messages of the stream not yet delivered to the consumer. */
  pending: number;
  /** Delivered and not yet acknowledged. */
  ackPending: number;
  /** Delivered more than once and not yet acknowledged. */
  redelivered: number;
}

/**
 * What the whole deployment shows, read at scrape time from the read models and JetStream: every
 * gateway replica answers the same, whichever process did the work. Each part is null when its source
 * did not answer in time, so a slow store or NATS costs a scrape its part, never a stalled API.
 */
export interface ClusterSnapshot {
  /** The pipeline's totals; `empty` before anything was synced. */
  totals: PipelineTotalsDoc | 'empty' | null;
  jobs: Record<JobStatus, number> | null;
  /** Sequence of the newest event in the log, and of the newest one the read models include. */
  logPosition: number | null;
  projectionPosition: number | null;
  consumers: ConsumerState[] | null;
}

const SOURCE_TIMEOUT_MS = 2_000;

@Injectable()
export class ClusterSnapshots {
  private readonly queries: PipelineMetricsQueries;
  private readonly projector: Projector;
  private jsm: Promise<JetStreamManager> | null = null;
  /** The snapshot being read: concurrent scrapes share it instead of asking the sources again. */
  private inFlight: Promise<ClusterSnapshot> | null = null;

  constructor(
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
  ) {
    this.queries = new PipelineMetricsQueries(store);
    this.projector = new Projector(store);
  }

  read(): Promise<ClusterSnapshot> {
    this.inFlight ??= this.readAll().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async readAll(): Promise<ClusterSnapshot> {
    const [totals, jobs, logPosition, projectionPosition, consumers] = await Promise.all([
      inTime(this.queries.totals().then((doc) => doc ?? ('empty' as const))),
      inTime(this.queries.jobsByStatus()),
      inTime(this.manager().then(async (jsm) => (await jsm.streams.info(STREAM_NAME)).state.last_seq)),
      inTime(this.projector.position()),
      inTime(this.consumerStates()),
    ]);
    return { totals, jobs, logPosition, projectionPosition, consumers };
  }

  /** Every worker kind's durable consumer that exists (a kind no process ever ran has none). */
  private async consumerStates(): Promise<ConsumerState[]> {
    const jsm = await this.manager();
    const infos = await Promise.all(
      WORKER_NAMES.map((durable) => jsm.consumers.info(STREAM_NAME, durable).catch(() => null)),
    );
    return infos.flatMap((info) =>
      info === null
        ? []
        : [
            {
              consumer: info.name,
              pending: info.num_pending,
              ackPending: info.num_ack_pending,
              redelivered: info.num_redelivered,
            },
          ],
    );
  }

  private manager(): Promise<JetStreamManager> {
    this.jsm ??= jetstreamManager(this.nats).catch((error: unknown) => {
      this.jsm = null;
      throw error;
    });
    return this.jsm;
  }
}

/** The value, or null when it failed or took longer than a scrape may wait. */
async function inTime<T>(work: Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), SOURCE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
