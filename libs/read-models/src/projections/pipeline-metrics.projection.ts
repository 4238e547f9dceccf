import type { AtlasEvent, StageName } from '@atlas/events';
import {
  emptyPipelineTotals,
  FinishedJobStatus,
  JobClockDoc,
  jobClockId,
  observeDuration,
  PIPELINE_TOTALS_ID,
  PipelineTotals,
  PipelineTotalsDoc,
} from '../pipeline-metrics';
import { countCreated } from './graph-created';
import { applyOnce, Projection } from './projection';

const COLLECTION = 'pipeline_metrics';

/** The event that ends each stage of a job; stages end in this order. */
const STAGE_COMPLETED_BY: Partial<Record<AtlasEvent['type'], StageName>> = {
  FetchCompleted: 'fetching_messages',
  ExtractionCompleted: 'extracting_facts',
  GraphCompleted: 'building_graph',
  WikiGenerated: 'generating_wiki',
};

/** The events whose content adds to a total. */
const COUNTED = new Set<AtlasEvent['type']>(['MessagesFetched', 'FactsExtracted', 'GraphUpdated', 'WikiPageGenerated']);

const JOB_ENDED_AS: Partial<Record<AtlasEvent['type'], FinishedJobStatus>> = {
  SyncCompleted: 'completed',
  SyncFailed: 'failed',
  SyncCancelled: 'cancelled',
};

/**
 * Keeps the totals GET /metrics shows, so a scrape reads one document instead of counting a channel's
 * messages. Runs after the knowledge projection: the graph documents an event created are there to count.
 */
export const projectPipelineMetrics: Projection = async (tx, stored) => {
  const { event, seq } = stored;
  const at = event.metadata.occurred_at;
  const jobId = (event.data as { job_id?: string }).job_id;
  if (event.type === 'SyncStarted') {
    await applyOnce<JobClockDoc>(tx, COLLECTION, jobClockId(event.data.job_id), seq, () => ({
      kind: 'job_clock',
      job_id: event.data.job_id,
      started_at: at,
      stage_started_at: at,
    }));
    return;
  }
  const stage = STAGE_COMPLETED_BY[event.type];
  const ended = JOB_ENDED_AS[event.type];
  // Most events change no total: they cost the projector nothing here.
  if (!stage && !ended && !COUNTED.has(event.type)) return;
  const clock = jobId && (stage || ended) ? await tx.get<JobClockDoc>(COLLECTION, jobClockId(jobId)) : null;
  const created = event.type === 'GraphUpdated' ? await countCreated(tx, event, seq) : null;

  await applyOnce<PipelineTotalsDoc>(tx, COLLECTION, PIPELINE_TOTALS_ID, seq, (current) => {
    const totals: PipelineTotals = current ? structuredClone(current) : emptyPipelineTotals();
    switch (event.type) {
      case 'MessagesFetched':
        totals.messages_fetched += event.data.messages.length;
        break;
      case 'FactsExtracted':
        totals.messages_extracted += event.data.message_ids.length;
        totals.facts_extracted += event.data.facts.length;
        break;
      case 'GraphUpdated':
        totals.entities_created += created?.entities ?? 0;
        totals.relations_created += created?.relations ?? 0;
        break;
      case 'WikiPageGenerated':
        totals.wiki_pages_changed += 1;
        break;
    }
    if (stage && clock) {
      totals.stage_durations[stage] = observeDuration(
        totals.stage_durations[stage],
        secondsBetween(clock.stage_started_at, at),
      );
    }
    if (ended && clock) {
      totals.job_durations[ended] = observeDuration(totals.job_durations[ended], secondsBetween(clock.started_at, at));
    }
    return totals;
  });

  if (jobId && clock && (stage || ended)) {
    // The next stage's time starts where this one's ended; an ended job needs no clock.
    await applyOnce<JobClockDoc>(tx, COLLECTION, clock.id, seq, (current) =>
      ended || !current ? null : { ...current, stage_started_at: at },
    );
  }
};

function secondsBetween(from: string, to: string): number {
  return Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);
}
