import { createEvent, type AtlasEvent, type ExtractionFailure, type Fact, type NormalizedMessage } from '@atlas/events';
import type { SkippedMessage } from '@atlas/events';

const meta = { producer: 'test' };

/** What a batch of the local extractor reports about its run. */
export const LOCAL_RULES_RUN = {
  extractor: 'rules' as const,
  fallback_reason: null,
  prompt_tokens: 0,
  completion_tokens: 0,
};

export interface ExtractedBatch {
  jobId: string;
  channelId: string;
  messages: NormalizedMessage[];
  facts: Fact[];
  batch?: number;
  extractorVersion?: string;
  failures?: ExtractionFailure[];
  skipped?: SkippedMessage[];
  /** The fetch cursor after the batch; null unless a test needs one. */
  cursor?: string | null;
}

/** One batch of a sync as the log holds it: its messages fetched, then their facts extracted. */
export function fetchedAndExtracted(input: ExtractedBatch): AtlasEvent[] {
  const batch = input.batch ?? 1;
  return [
    createEvent(
      'MessagesFetched',
      {
        job_id: input.jobId,
        channel_id: input.channelId,
        batch,
        messages: input.messages,
        resume: { token: null, skip: 0, complete: true },
        cursor: input.cursor ?? null,
        total_so_far: input.messages.length,
        estimated_total: null,
      },
      meta,
    ),
    createEvent(
      'FactsExtracted',
      {
        job_id: input.jobId,
        channel_id: input.channelId,
        batch,
        extractor_version: input.extractorVersion ?? 'test',
        message_ids: input.messages.map((message) => message.id),
        facts: input.facts,
        failures: input.failures ?? [],
        skipped: input.skipped ?? [],
        run: LOCAL_RULES_RUN,
      },
      meta,
    ),
  ];
}
