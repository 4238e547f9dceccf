import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { createEvent } from '@atlas/events';
import type { AtlasEvent, EventDataOf } from '@atlas/events';
import { EventStore, JetStreamEventContext, OnEvent } from '@atlas/messaging';
import { ChannelsQueries, GraphQueries, KnowledgeQueries } from '@atlas/read-models';
import { READ_MODEL_STORE, STAGE_MAX_DELIVER, WORKER } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { BatchStage, followBatches } from '../follow-batches';
import { graphAtJobStart } from '../graph-at-job-start';
import { payloadAt } from '../job-stream';
import { JobStage, runJobStage } from '../run-job-stage';
import { ChannelExtractionContext, gazetteerOf } from './extraction-context';
import { FactExtractor } from './fact-extractor';

const STAGE: JobStage = { stage: 'extracting_facts', producer: 'extractor', maxDeliver: STAGE_MAX_DELIVER };

interface ExtractionTally {
  facts: number;
  failing: number;
  firstFailing: string | null;
  skipped: number;
  promptTokens: number;
  completionTokens: number;
  fallbackBatches: number;
}

const EMPTY_TALLY: ExtractionTally = {
  facts: 0,
  failing: 0,
  firstFailing: null,
  skipped: 0,
  promptTokens: 0,
  completionTokens: 0,
  fallbackBatches: 0,
};

/**
 * extracting_facts: turns each fetched batch into atomic facts — locally and deterministically, or
 * through the configured LLM with the local extractor as its fallback.
 */
@Controller()
export class ExtractorHandler {
  constructor(
    private readonly events: EventStore,
    private readonly channels: ChannelsQueries,
    private readonly knowledge: KnowledgeQueries,
    private readonly graph: GraphQueries,
    private readonly extractor: FactExtractor,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
  ) {}

  @OnEvent('SyncStarted', WORKER.extractor)
  async onSyncStarted(
    @Payload() event: AtlasEvent<'SyncStarted'>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    const started = event.data;
    await runJobStage(STAGE, this.events, started, context, async (writer) => {
      const read = { store: this.store, graph: this.graph, channels: this.channels };
      const atStart = await graphAtJobStart(read, started, context.seq);
      const channelContext = new ChannelExtractionContext(
        started.channel_id,
        atStart.channelName,
        this.knowledge,
        gazetteerOf(atStart.entities),
        context.seq,
        async (seq) => (await payloadAt(this.events, seq, 'MessagesFetched')).messages,
      );
      const stage = extractionStage(started, channelContext, this.extractor, context.signal);
      await followBatches(stage, this.events, writer, started, context);
    });
  }
}

function extractionStage(
  started: EventDataOf<'SyncStarted'>,
  channelContext: ChannelExtractionContext,
  extractor: FactExtractor,
  signal: AbortSignal,
): BatchStage<'MessagesFetched', 'FactsExtracted', ExtractionTally> {
  return {
    producer: STAGE.producer,
    input: 'MessagesFetched',
    inputCompleted: 'FetchCompleted',
    output: 'FactsExtracted',
    completed: 'ExtractionCompleted',
    process: async (batch, seq) => {
      const { result, run } = await extractor.extract(
        batch.messages,
        await channelContext.forBatch(batch.messages, seq),
        signal,
      );
      return {
        job_id: batch.job_id,
        channel_id: batch.channel_id,
        batch: batch.batch,
        extractor_version: extractor.versionOf(run),
        message_ids: batch.messages.map((m) => m.id),
        facts: result.facts,
        failures: result.failures,
        skipped: result.skipped,
        run,
      };
    },
    replay: (batch, seq) => channelContext.remember(batch.messages, seq),
    emptyTally: EMPTY_TALLY,
    tally: (sum, output) => ({
      facts: sum.facts + output.facts.length,
      failing: sum.failing + output.failures.length,
      firstFailing: sum.firstFailing ?? output.failures[0]?.message_id ?? null,
      skipped: sum.skipped + output.skipped.length,
      promptTokens: sum.promptTokens + output.run.prompt_tokens,
      completionTokens: sum.completionTokens + output.run.completion_tokens,
      fallbackBatches: sum.fallbackBatches + (output.run.fallback_reason === null ? 0 : 1),
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
          skipped_messages: sum.skipped,
          llm_prompt_tokens: sum.promptTokens,
          llm_completion_tokens: sum.completionTokens,
          llm_fallback_batches: sum.fallbackBatches,
        },
        { producer: STAGE.producer },
      ),
  };
}
