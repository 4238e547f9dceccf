import { isoSeconds } from '@atlas/common';
import type { JobError, JobStatus, StageName } from '@atlas/events';
import { STAGES } from '@atlas/events';
import { estimatedCompletion, JobDoc, percentage, stageFractions, totalMessages } from '@atlas/read-models';

/** GET /api/sync/status: a job as the Sync API spec shows it. */
export interface JobStatusView {
  job_id: string;
  channel_id: string;
  status: JobStatus;
  progress: { total_messages: number; processed_messages: number; failing_messages: number; percentage: number };
  started_at: string | null;
  estimated_completion: string | null;
  current_stage: StageName | null;
  completed_at: string | null;
  cancelled_at: string | null;
  error: JobError | null;
  /** Beyond the spec: each stage's own progress (stages overlap: extraction starts on the first batch). */
  stages: Array<{ stage: StageName; percentage: number; completed: boolean }>;
  /** Beyond the spec: what the knowledge stages did so far, and what an LLM extractor cost. */
  knowledge: {
    facts_extracted: number;
    skipped_messages: number;
    entities_created: number;
    relations_created: number;
    wiki_pages_changed: number;
    llm: { prompt_tokens: number; completion_tokens: number; fallback_batches: number };
  };
}

/** GET /api/sync/history: one entry. */
export interface JobHistoryView {
  job_id: string;
  channel_id: string;
  status: JobStatus;
  started_at: string | null;
  completed_at: string | null;
  duration_seconds: number | null;
  messages_synced: number;
  facts_extracted: number;
  entities_created: number;
  error: JobError | null;
}

const seconds = (iso: string | null) => (iso === null ? null : isoSeconds(iso));

export function jobStatusView(job: JobDoc, now: Date): JobStatusView {
  return {
    job_id: job.job_id,
    channel_id: job.channel_id,
    status: job.status,
    progress: {
      total_messages: totalMessages(job),
      processed_messages: job.counters.messages_extracted,
      failing_messages: job.counters.failing_messages,
      percentage: percentage(job),
    },
    started_at: seconds(job.started_at),
    estimated_completion: estimatedCompletion(job, now),
    // While queued or once completed there is no stage; failed and cancelled jobs tell where they stopped.
    current_stage: job.status === 'queued' || job.status === 'completed' ? null : job.stage,
    completed_at: seconds(job.finished_at),
    cancelled_at: seconds(job.cancelled_at),
    error: job.error,
    stages: stageViews(job),
    knowledge: {
      facts_extracted: job.counters.facts_extracted,
      // Jobs projected before these counters existed read as zero.
      skipped_messages: job.counters.skipped_messages ?? 0,
      entities_created: job.counters.entities_created,
      relations_created: job.counters.relations_created,
      wiki_pages_changed: job.counters.wiki_pages_changed,
      llm: {
        prompt_tokens: job.counters.llm_prompt_tokens ?? 0,
        completion_tokens: job.counters.llm_completion_tokens ?? 0,
        fallback_batches: job.counters.llm_fallback_batches ?? 0,
      },
    },
  };
}

export function jobHistoryView(job: JobDoc, now: Date): JobHistoryView {
  const end = job.finished_at ?? (job.status === 'running' ? now.toISOString() : null);
  return {
    job_id: job.job_id,
    channel_id: job.channel_id,
    status: job.status,
    started_at: seconds(job.started_at),
    completed_at: seconds(job.finished_at),
    duration_seconds:
      job.started_at && end ? Math.max(0, Math.round((Date.parse(end) - Date.parse(job.started_at)) / 1000)) : null,
    messages_synced: job.counters.messages_fetched,
    facts_extracted: job.counters.facts_extracted,
    entities_created: job.counters.entities_created,
    error: job.error,
  };
}

function stageViews(job: JobDoc): JobStatusView['stages'] {
  const fractions = stageFractions(job);
  const done = job.status === 'completed';
  return STAGES.map((stage) => ({
    stage,
    percentage: done ? 100 : Math.floor(fractions[stage] * 100),
    completed: done || fractions[stage] === 1,
  }));
}
