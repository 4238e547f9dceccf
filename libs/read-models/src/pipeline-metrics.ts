import type { StageName } from '@atlas/events';
import type { Projected } from './documents';

/**
 * Upper bounds (seconds) of the duration histograms: a stage of a small export takes a fraction of a
 * second, a large channel hours. Stored counts are by position: a change here needs a read-model rebuild.
 */
export const DURATION_BUCKETS_SECONDS = [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600] as const;

/** How a job ended, for the job-duration histogram. */
export type FinishedJobStatus = 'completed' | 'failed' | 'cancelled';

/**
 * Observations of a duration: how many fell at or under each bound of DURATION_BUCKETS_SECONDS (not
 * cumulative: `counts[i]` is the number in (bound[i-1], bound[i]], the last entry the number above them all).
 */
export interface DurationCounts {
  counts: number[];
  sum_seconds: number;
  count: number;
}

/** The pipeline's running totals since the log began (a read-model rebuild computes them again from it). */
// A type, not an interface: it then fits the index signature of a projected document.
export type PipelineTotals = {
  kind: 'totals';
  messages_fetched: number;
  messages_extracted: number;
  facts_extracted: number;
  entities_created: number;
  relations_created: number;
  wiki_pages_changed: number;
  /** Time each stage was the job's current stage: from the previous stage's completion (the start) to its own. */
  stage_durations: Partial<Record<StageName, DurationCounts>>;
  /** From SyncStarted to the job's end, by how it ended. */
  job_durations: Partial<Record<FinishedJobStatus, DurationCounts>>;
};

export interface PipelineTotalsDoc extends Projected, PipelineTotals {
  kind: 'totals';
}

/** A started job's clock while it runs: when it started, and when its current stage began. Gone once it ends. */
export interface JobClockDoc extends Projected {
  kind: 'job_clock';
  job_id: string;
  started_at: string;
  stage_started_at: string;
}

export type PipelineMetricsDoc = PipelineTotalsDoc | JobClockDoc;

export const PIPELINE_TOTALS_ID = 'totals';

export function jobClockId(jobId: string): string {
  return `job:${jobId}`;
}

export function emptyPipelineTotals(): PipelineTotals {
  return {
    kind: 'totals',
    messages_fetched: 0,
    messages_extracted: 0,
    facts_extracted: 0,
    entities_created: 0,
    relations_created: 0,
    wiki_pages_changed: 0,
    stage_durations: {},
    job_durations: {},
  };
}

/** `counts` with one more observation of `seconds`. */
export function observeDuration(counts: DurationCounts | undefined, seconds: number): DurationCounts {
  const next = counts
    ? { ...counts, counts: [...counts.counts] }
    : { counts: new Array<number>(DURATION_BUCKETS_SECONDS.length + 1).fill(0), sum_seconds: 0, count: 0 };
  const bucket = DURATION_BUCKETS_SECONDS.findIndex((bound) => seconds <= bound);
  next.counts[bucket === -1 ? DURATION_BUCKETS_SECONDS.length : bucket] += 1;
  next.sum_seconds += seconds;
  next.count += 1;
  return next;
}
