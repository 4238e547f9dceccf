import { ApiProperty } from '@nestjs/swagger';
import { isoSeconds } from '@atlas/common';
import { JOB_STATUSES, STAGES } from '@atlas/events';
import type { JobStatus, StageName } from '@atlas/events';
import { estimatedCompletion, JobDoc, percentage, stageFractions, totalMessages } from '@atlas/read-models';
import { JobError } from '../http/event-shapes';

class JobProgressView {
  @ApiProperty({ type: 'integer' }) total_messages: number;
  @ApiProperty({ type: 'integer' }) processed_messages: number;
  @ApiProperty({ type: 'integer' }) failing_messages: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 }) percentage: number;
}

class LlmUsageView {
  @ApiProperty({ type: 'integer' }) prompt_tokens: number;
  @ApiProperty({ type: 'integer' }) completion_tokens: number;
  @ApiProperty({ type: 'integer' }) fallback_batches: number;
}

class JobKnowledgeView {
  @ApiProperty({ type: 'integer' }) facts_extracted: number;
  @ApiProperty({ type: 'integer' }) skipped_messages: number;
  @ApiProperty({ type: 'integer' }) entities_created: number;
  @ApiProperty({ type: 'integer' }) relations_created: number;
  @ApiProperty({ type: 'integer' }) wiki_pages_changed: number;
  @ApiProperty({ type: LlmUsageView }) llm: LlmUsageView;
}

class StageProgressView {
  @ApiProperty({ enum: STAGES }) stage: StageName;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 }) percentage: number;
  @ApiProperty() completed: boolean;
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'When the stage had its first input (stages overlap); null before',
  })
  started_at: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'When the stage completed' })
  completed_at: string | null;
}

/** GET /api/sync/status: a job as the Sync API spec shows it. */
export class JobStatusView {
  @ApiProperty() job_id: string;
  @ApiProperty() channel_id: string;
  @ApiProperty({ enum: JOB_STATUSES }) status: JobStatus;
  @ApiProperty({ type: JobProgressView }) progress: JobProgressView;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) started_at: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) estimated_completion: string | null;
  @ApiProperty({ enum: STAGES, nullable: true }) current_stage: StageName | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) completed_at: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) cancelled_at: string | null;
  @ApiProperty({ type: JobError, nullable: true }) error: JobError | null;
  @ApiProperty({
    type: 'integer',
    description:
      'Beyond the spec: how many of total_messages the channel already held unchanged, read again only to attach new replies to them (thread starters); messages_synced in the history leaves them out',
  })
  reread_messages: number;
  /** Beyond the spec: each stage's own progress (stages overlap: extraction starts on the first batch). */
  @ApiProperty({
    type: [StageProgressView],
    description: "Beyond the spec: each stage's own progress, in stage order (stages overlap)",
  })
  stages: StageProgressView[];
  /** Beyond the spec: what the knowledge stages did so far, and what an LLM extractor cost. */
  @ApiProperty({ type: JobKnowledgeView, description: 'Beyond the spec: what the knowledge stages did so far' })
  knowledge: JobKnowledgeView;
}

/** GET /api/sync/history: one entry. */
export class JobHistoryView {
  @ApiProperty() job_id: string;
  @ApiProperty() channel_id: string;
  @ApiProperty({ enum: JOB_STATUSES }) status: JobStatus;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) started_at: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) completed_at: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) duration_seconds: number | null;
  @ApiProperty({ type: 'integer', description: 'Messages new or changed on the platform since the previous sync' })
  messages_synced: number;
  @ApiProperty({ type: 'integer' }) facts_extracted: number;
  @ApiProperty({ type: 'integer' }) entities_created: number;
  @ApiProperty({ type: JobError, nullable: true }) error: JobError | null;
}

export class JobHistoryListView {
  @ApiProperty({ type: [JobHistoryView] }) history: JobHistoryView[];
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
    reread_messages: job.counters.messages_reread ?? 0,
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
    messages_synced: job.counters.messages_fetched - (job.counters.messages_reread ?? 0),
    facts_extracted: job.counters.facts_extracted,
    entities_created: job.counters.entities_created,
    error: job.error,
  };
}

function stageViews(job: JobDoc): StageProgressView[] {
  const fractions = stageFractions(job);
  const done = job.status === 'completed';
  return STAGES.map((stage) => ({
    stage,
    percentage: done ? 100 : Math.floor(fractions[stage] * 100),
    completed: done || fractions[stage] === 1,
    started_at: seconds(job.stage_times?.[stage]?.started_at ?? null),
    completed_at: seconds(job.stage_times?.[stage]?.completed_at ?? null),
  }));
}
