import type { AtlasEvent, EventType, JobError, StageName } from '@atlas/events';
import type { ReadModelStore } from '@atlas/store';
import type { JobCounters, JobDoc, MessageDoc } from '../documents';
import { currentStage, doneFraction } from '../job-progress';
import { nextStageTimes } from '../stage-times';
import { messageDocId } from './channels.projection';
import { countCreated } from './graph-created';
import { onlyReread } from './message-changes';
import { applyOnce, Projection } from './projection';

/** A job's counters before any stage reported. */
export const NEW_JOB_COUNTERS: JobCounters = {
  messages_fetched: 0,
  messages_reread: 0,
  batches_fetched: 0,
  fetch_completed: false,
  messages_extracted: 0,
  batches_extracted: 0,
  facts_extracted: 0,
  failing_messages: 0,
  first_failing_message_id: null,
  skipped_messages: 0,
  llm_prompt_tokens: 0,
  llm_completion_tokens: 0,
  llm_fallback_batches: 0,
  extraction_completed: false,
  batches_graphed: 0,
  entities_created: 0,
  relations_created: 0,
  graph_completed: false,
  wiki_pages_changed: 0,
  wiki_completed: false,
};

/**
 * Job status, stage, progress and counters. Runs after the knowledge projection, so the graph
 * documents an event created are there to be counted.
 */
export const projectJobs: Projection = async (tx, stored) => {
  const { event, seq } = stored;
  if (event.type === 'SyncRequested') {
    const d = event.data;
    await applyOnce<JobDoc>(tx, 'jobs', d.job_id, seq, () => ({
      job_id: d.job_id,
      channel_id: d.channel_id,
      connection_id: d.connection_id,
      status: 'queued',
      force: d.force,
      trigger: d.trigger,
      requested_at: event.metadata.occurred_at,
      requested_seq: seq,
      started_at: null,
      finished_at: null,
      cancelled_at: null,
      estimated_messages: d.estimated_messages,
      total_messages: d.estimated_messages,
      total_batches: null,
      previous_cursor: d.previous_cursor,
      cursor: d.previous_cursor,
      counters: { ...NEW_JOB_COUNTERS },
      stage: null,
      done_fraction: 0,
      error: null,
      retrying_stage: null,
      rejected_events: [],
    }));
    return;
  }
  const jobId = (event.data as { job_id?: string }).job_id;
  if (!jobId) return;
  const createdCounts = event.type === 'GraphUpdated' ? await countCreated(tx, event, seq) : null;
  const newest = event.type === 'SyncStarted' ? await newestMessage(tx, event.data.channel_id) : null;
  const reread = event.type === 'MessagesFetched' ? await countReread(tx, event, seq) : 0;
  await applyOnce<JobDoc>(tx, 'jobs', jobId, seq, (job) => {
    if (!job) return undefined;
    const next = evolveJob(structuredClone(job), event, createdCounts);
    next.stage_times = nextStageTimes(next.stage_times ?? {}, event.type, event.metadata.occurred_at);
    // A forced re-sync reads the whole history on purpose: all of it counts as synced.
    if (reread > 0 && !next.force) next.counters.messages_reread = (next.counters.messages_reread ?? 0) + reread;
    if (newest) next.newest_permalink_at_start = newest.permalink;
    next.done_fraction = next.status === 'completed' ? 1 : doneFraction(next);
    if (next.status === 'running') next.stage = currentStage(next.counters);
    return next;
  });
};

/** Messages of a fetched batch the channel already held unchanged (the knowledge projection stored them first). */
async function countReread(tx: ReadModelStore, event: AtlasEvent<'MessagesFetched'>, seq: number): Promise<number> {
  const { channel_id, messages } = event.data;
  const docs = await tx.getMany<MessageDoc>(
    'messages',
    [...new Set(messages.map((m) => m.id))].map((id) => messageDocId(channel_id, id)),
  );
  return docs.filter((doc) => onlyReread(doc, seq)).length;
}

/** The channel's newest stored message: the last one a fetch, oldest first, would rewrite. */
async function newestMessage(tx: ReadModelStore, channelId: string): Promise<MessageDoc | null> {
  const [newest] = await tx.find<MessageDoc>('messages', {
    where: { channel_id: channelId },
    orderBy: [['timestamp', 'desc']],
    limit: 1,
  });
  return newest ?? null;
}

/** Records on the job a message the pipeline terminated as poison. */
export async function recordRejectedEvent(
  tx: ReadModelStore,
  jobId: string,
  rejection: { seq: number; type: string | null; reason: string },
): Promise<void> {
  const job = await tx.get<JobDoc>('jobs', jobId);
  if (!job || job.rejected_events.some((r) => r.seq === rejection.seq)) return;
  await tx.put('jobs', { ...job, rejected_events: [...job.rejected_events, rejection] });
}

/** The events by which each stage makes progress: one of them ends that stage's retrying. */
const PROGRESS_OF: Partial<Record<EventType, StageName>> = {
  MessagesFetched: 'fetching_messages',
  FetchCompleted: 'fetching_messages',
  FactsExtracted: 'extracting_facts',
  ExtractionCompleted: 'extracting_facts',
  GraphUpdated: 'building_graph',
  GraphCompleted: 'building_graph',
  WikiPageGenerated: 'generating_wiki',
  WikiGenerated: 'generating_wiki',
};

function evolveJob(job: JobDoc, event: AtlasEvent, created: { entities: number; relations: number } | null): JobDoc {
  const c = job.counters;
  const at = event.metadata.occurred_at;
  if (job.retrying_stage && PROGRESS_OF[event.type] === job.retrying_stage) {
    job.error = null;
    job.retrying_stage = null;
  }
  switch (event.type) {
    case 'SyncStarted':
      job.status = 'running';
      job.started_at = at;
      break;
    case 'MessagesFetched':
      c.messages_fetched += event.data.messages.length;
      c.batches_fetched = Math.max(c.batches_fetched, event.data.batch);
      // The connector's latest estimate replaces the earlier ones: it sharpens as the fetch goes on.
      if (event.data.estimated_total !== null) job.estimated_messages = event.data.estimated_total;
      job.cursor = event.data.cursor ?? job.cursor;
      break;
    case 'FetchCompleted':
      c.fetch_completed = true;
      c.messages_fetched = event.data.messages;
      c.batches_fetched = event.data.batches;
      job.total_batches = event.data.batches;
      job.cursor = event.data.cursor;
      break;
    case 'FactsExtracted':
      c.batches_extracted += 1;
      c.messages_extracted += event.data.message_ids.length;
      c.facts_extracted += event.data.facts.length;
      c.failing_messages += event.data.failures.length;
      c.first_failing_message_id ??= event.data.failures[0]?.message_id ?? null;
      // A job document projected before these counters existed starts them at zero.
      c.skipped_messages = (c.skipped_messages ?? 0) + event.data.skipped.length;
      c.llm_prompt_tokens = (c.llm_prompt_tokens ?? 0) + event.data.run.prompt_tokens;
      c.llm_completion_tokens = (c.llm_completion_tokens ?? 0) + event.data.run.completion_tokens;
      c.llm_fallback_batches = (c.llm_fallback_batches ?? 0) + (event.data.run.fallback_reason === null ? 0 : 1);
      break;
    case 'ExtractionCompleted':
      c.extraction_completed = true;
      break;
    case 'GraphUpdated':
      c.batches_graphed += 1;
      c.entities_created += created?.entities ?? 0;
      c.relations_created += created?.relations ?? 0;
      break;
    case 'GraphCompleted':
      c.graph_completed = true;
      break;
    case 'WikiPageGenerated':
      c.wiki_pages_changed += 1;
      break;
    case 'WikiGenerated':
      c.wiki_completed = true;
      break;
    case 'SyncStageRetrying':
      // The latest transient failure shows on the running job: why it is stuck, and when it tries again.
      job.error = {
        ...event.data.error,
        details: { ...event.data.error.details, retrying_at: event.data.retrying_at, attempt: event.data.attempt },
      };
      job.retrying_stage = event.data.stage;
      break;
    case 'SyncCompleted':
      job.status = 'completed';
      job.finished_at = at;
      job.stage = null;
      job.retrying_stage = null;
      job.cursor = event.data.cursor;
      job.error = partialFailure(c);
      break;
    case 'SyncFailed':
      job.status = 'failed';
      job.finished_at = at;
      job.retrying_stage = null;
      job.stage = event.data.stage ?? job.stage;
      job.error = event.data.error;
      break;
    case 'SyncCancelRequested':
      job.status = 'cancelled';
      job.cancelled_at = at;
      // A cancelled job retries nothing: what kept it waiting is no longer its error.
      if (job.retrying_stage) job.error = null;
      job.retrying_stage = null;
      break;
    case 'SyncCancelled':
      job.finished_at = at;
      break;
  }
  job.total_messages = c.fetch_completed
    ? c.messages_fetched
    : Math.max(job.estimated_messages ?? 0, c.messages_fetched);
  return job;
}

/** A completed job whose extraction failed for some messages says so, naming the first one. */
function partialFailure(c: JobCounters): JobError | null {
  if (c.failing_messages === 0) return null;
  return {
    code: 'INTERNAL_ERROR',
    message: `Facts could not be extracted from ${c.failing_messages} message(s); the rest of the channel synced.`,
    details: { failing_message_id: c.first_failing_message_id ?? undefined },
  };
}
