import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { createEvent } from '@atlas/events';
import type { AtlasEvent, EventDataOf } from '@atlas/events';
import { ChannelGraphBuilder } from '@atlas/knowledge';
import { EventStore, JetStreamEventContext, OnEvent } from '@atlas/messaging';
import { ChannelsQueries, GraphQueries } from '@atlas/read-models';
import { READ_MODEL_STORE, STAGE_MAX_DELIVER, WORKER } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { BatchStage, followBatches } from '../follow-batches';
import { graphAtJobStart } from '../graph-at-job-start';
import { JobStage, runJobStage } from '../run-job-stage';

const STAGE: JobStage = { stage: 'building_graph', producer: 'graph-builder', maxDeliver: STAGE_MAX_DELIVER };

/**
 * building_graph: turns each batch of facts into entity and relation upserts, resolving every entity a
 * fact names against the channel's graph as it stood when the job started (the projector's snapshot at
 * the SyncStarted) plus what the job's earlier batches added (replayed from the log by a restarted
 * builder); the projector merges and counts what is new.
 */
@Controller()
export class GraphBuilderHandler {
  constructor(
    private readonly events: EventStore,
    private readonly graph: GraphQueries,
    private readonly channels: ChannelsQueries,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
  ) {}

  @OnEvent('SyncStarted', WORKER['graph-builder'])
  async onSyncStarted(
    @Payload() event: AtlasEvent<'SyncStarted'>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    const started = event.data;
    await runJobStage(STAGE, this.events, started, context, async (writer) => {
      const read = { store: this.store, graph: this.graph, channels: this.channels };
      const builder = new ChannelGraphBuilder(
        started.channel_id,
        (await graphAtJobStart(read, started, context.seq)).entities,
      );
      await followBatches(graphStage(started, builder), this.events, writer, started, context);
    });
  }
}

function graphStage(
  started: EventDataOf<'SyncStarted'>,
  builder: ChannelGraphBuilder,
): BatchStage<'FactsExtracted', 'GraphUpdated', { entities: number; relations: number }> {
  return {
    producer: STAGE.producer,
    input: 'FactsExtracted',
    inputCompleted: 'ExtractionCompleted',
    output: 'GraphUpdated',
    completed: 'GraphCompleted',
    process: (batch) => {
      const { entities, relations } = builder.build(batch.facts);
      return { job_id: batch.job_id, channel_id: batch.channel_id, batch: batch.batch, entities, relations };
    },
    replay: (batch) => void builder.build(batch.facts),
    emptyTally: { entities: 0, relations: 0 },
    tally: (sum, output) => ({
      entities: sum.entities + output.entities.length,
      relations: sum.relations + output.relations.length,
    }),
    completion: (sum, batches) =>
      createEvent(
        'GraphCompleted',
        {
          job_id: started.job_id,
          channel_id: started.channel_id,
          batches,
          entities: sum.entities,
          relations: sum.relations,
        },
        { producer: STAGE.producer },
      ),
  };
}
