import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { createEvent } from '@atlas/events';
import type { AtlasEvent, EventDataOf } from '@atlas/events';
import { extractFacts, EXTRACTOR_VERSION } from '@atlas/knowledge';
import { EventStore, JetStreamEventContext, OnEvent } from '@atlas/messaging';
import { ChannelsQueries } from '@atlas/read-models';
import { STAGE_MAX_DELIVER, WORKER } from '@atlas/runtime';
import { BatchStage, followBatches } from '../follow-batches';
import { JobStage, runJobStage } from '../run-job-stage';

const STAGE: JobStage = { stage: 'extracting_facts', producer: 'extractor', maxDeliver: STAGE_MAX_DELIVER };

interface ExtractionTally {
  facts: number;
  failing: number;
  firstFailing: string | null;
}

/** extracting_facts: turns each fetched batch into atomic facts, locally and deterministically. */
@Controller()
export class ExtractorHandler {
  constructor(
    private readonly events: EventStore,
    private readonly channels: ChannelsQueries,
  ) {}

  @OnEvent('SyncStarted', WORKER.extractor)
  async onSyncStarted(
    @Payload() event: AtlasEvent<'SyncStarted'>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    const started = event.data;
    await runJobStage(STAGE, this.events, started, context, async (writer) => {
      const channel = await this.channels.get(started.channel_id);
      const stage = extractionStage(started, channel?.name ?? started.channel_id);
      await followBatches(stage, this.events, writer, started, context);
    });
  }
}

function extractionStage(
  started: EventDataOf<'SyncStarted'>,
  channelName: string,
): BatchStage<'MessagesFetched', 'FactsExtracted', ExtractionTally> {
  return {
    producer: STAGE.producer,
    input: 'MessagesFetched',
    inputCompleted: 'FetchCompleted',
    output: 'FactsExtracted',
    completed: 'ExtractionCompleted',
    process: (batch) => {
      const { facts, failures } = extractFacts(batch.messages, {
        channel_id: batch.channel_id,
        channel_name: channelName,
      });
      return {
        job_id: batch.job_id,
        channel_id: batch.channel_id,
        batch: batch.batch,
        extractor_version: EXTRACTOR_VERSION,
        message_ids: batch.messages.map((m) => m.id),
        facts,
        failures,
      };
    },
    emptyTally: { facts: 0, failing: 0, firstFailing: null },
    tally: (sum, output) => ({
      facts: sum.facts + output.facts.length,
      failing: sum.failing + output.failures.length,
      firstFailing: sum.firstFailing ?? output.failures[0]?.message_id ?? null,
    }),
    completion: (sum, batches) =>
      createEvent(
        'ExtractionCompleted',
        {
          job_id: started.job_id,
          channel_id: started.channel_id,
          batches,
          facts: sum.facts,
          failing_messages: sum.failing,
          first_failing_message_id: sum.firstFailing,
        },
        { producer: STAGE.producer },
      ),
  };
}
