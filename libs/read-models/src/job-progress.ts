import { isoSeconds } from '@atlas/common';
import type { StageName } from '@atlas/events';
import type { JobCounters, JobDoc } from './documents';

/** Share of a job's work each stage stands for; fetching dominates because it waits on the platform. */
const STAGE_WEIGHTS: Record<StageName, number> = {
  fetching_messages: 0.4,
  extracting_facts: 0.3,
  building_graph: 0.2,
  generating_wiki: 0.1,
};

/** The stage a running job is in: the first one that has not completed. */
export function currentStage(c: JobCounters): StageName {
  if (!c.fetch_completed) return 'fetching_messages';
  if (!c.extraction_completed) return 'extracting_facts';
  if (!c.graph_completed) return 'building_graph';
  return 'generating_wiki';
}

/** Messages the job will have processed once done: exact after fetching, a lower bound before. */
export function totalMessages(job: Pick<JobDoc, 'counters' | 'estimated_messages'>): number {
  const { counters } = job;
  if (counters.fetch_completed) return counters.messages_fetched;
  return Math.max(job.estimated_messages ?? 0, counters.messages_fetched);
}

/**
 * The share of the job's work that is done, from what the stages reported. It only grows: the total of
 * messages can rise while fetching (the estimate was low), and a drop would look like lost work.
 */
export function doneFraction(job: Pick<JobDoc, 'counters' | 'estimated_messages' | 'done_fraction'>): number {
  const stages = stageFractions(job);
  const fraction = (Object.keys(STAGE_WEIGHTS) as StageName[]).reduce(
    (sum, stage) => sum + STAGE_WEIGHTS[stage] * stages[stage],
    0,
  );
  return Math.max(job.done_fraction, Math.min(fraction, 0.99));
}

/**
 * How far each stage is (0..1), from what it reported. Stages overlap: extraction starts on the first
 * fetched batch. Before fetching completes the total is a lower bound, so the ratios are estimates.
 */
export function stageFractions(job: Pick<JobDoc, 'counters' | 'estimated_messages'>): Record<StageName, number> {
  const c = job.counters;
  const total = totalMessages(job);
  const ratio = (done: number, of: number) => (of > 0 ? Math.min(1, done / of) : 0);
  return {
    fetching_messages: c.fetch_completed ? 1 : ratio(c.messages_fetched, total),
    extracting_facts: c.extraction_completed ? 1 : ratio(c.messages_extracted, total),
    building_graph: c.graph_completed
      ? 1
      : ratio(c.batches_graphed, c.fetch_completed ? c.batches_fetched : c.batches_fetched + 1),
    generating_wiki: c.wiki_completed ? 1 : 0,
  };
}

/** Integer percentage; 100 only once the job completed. */
export function percentage(job: Pick<JobDoc, 'status' | 'done_fraction'>): number {
  if (job.status === 'completed') return 100;
  return Math.min(99, Math.floor(job.done_fraction * 100));
}

/**
 * When the job should finish at the rate observed since it started; null until there is a rate to
 * speak of (under 1% done or under a second of work), and for jobs that are not running.
 */
export function estimatedCompletion(
  job: Pick<JobDoc, 'status' | 'started_at' | 'done_fraction'>,
  now: Date,
): string | null {
  if (job.status !== 'running' || !job.started_at) return null;
  const elapsedMs = now.getTime() - Date.parse(job.started_at);
  if (job.done_fraction < 0.01 || elapsedMs < 1_000) return null;
  const remainingMs = (elapsedMs * (1 - job.done_fraction)) / job.done_fraction;
  return isoSeconds(new Date(now.getTime() + remainingMs));
}
