import type { AtlasEvent, JobError, Platform, StageName } from '@atlas/events';
import { STAGE_BEGUN_BY } from './sync-event-feed';

/**
 * The SSE event types of GET /api/sync/events (docs/LIVE-PROGRESS.md):
 *   status    the job's status object, as GET /api/sync/status answers it, whenever it changed (coalesced)
 *   stage     the job's current stage changed
 *   waiting   a stage waits before trying again: a transient failure, or a platform's rate limit
 *   finished  the job ended (completed, failed or cancelled): its final status object
 */
export const SYNC_EVENT_TYPES = ['status', 'stage', 'waiting', 'finished'] as const;
export type SyncEventType = (typeof SYNC_EVENT_TYPES)[number];

export interface StageEventData {
  job_id: string;
  channel_id: string;
  /** The stage that began. */
  stage: StageName;
  /** The stage that ended for it; null when the job just started. */
  previous_stage: StageName | null;
  /** When the stage began (the log event's time). */
  at: string;
}

export interface WaitingEventData {
  job_id: string;
  channel_id: string;
  stage: StageName;
  /** The platform the job syncs from; null if its connection is gone. */
  platform: Platform | null;
  /** `throttle`: a request waits out the platform's rate limit; `retry`: the stage failed and tries again. */
  reason: 'throttle' | 'retry';
  attempt: number;
  /** When the request (throttle) or the next attempt (retry) goes, at the earliest. */
  retrying_at: string;
  /** Seconds from the event to retrying_at: "waiting 42 s for Slack". */
  wait_seconds: number;
  error: JobError;
  at: string;
}

export function stageEventData(event: AtlasEvent): StageEventData | null {
  const begun = STAGE_BEGUN_BY[event.type];
  if (!begun) return null;
  const { job_id, channel_id } = event.data as { job_id: string; channel_id: string };
  return { job_id, channel_id, stage: begun.stage, previous_stage: begun.previous, at: event.metadata.occurred_at };
}

export function waitingEventData(event: AtlasEvent, platform: Platform | null): WaitingEventData | null {
  if (event.type !== 'SyncStageRetrying') return null;
  const d = event.data;
  const at = event.metadata.occurred_at;
  return {
    job_id: d.job_id,
    channel_id: d.channel_id,
    stage: d.stage,
    platform,
    reason: d.wait === undefined ? 'retry' : 'throttle',
    attempt: d.attempt,
    retrying_at: d.retrying_at,
    wait_seconds: Math.max(0, Math.ceil((Date.parse(d.retrying_at) - Date.parse(at)) / 1000)),
    error: d.error,
    at,
  };
}

/** One SSE message. JSON has no raw line breaks, so the data fits on one `data:` line. */
export function sseMessage(type: SyncEventType, data: unknown, id: number): string {
  return `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: clients ignore it, proxies see traffic. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

/**
 * A Last-Event-ID (header or `last_event_id`): a stream sequence, so a whole number. Null when absent;
 * `invalid` for anything else, which is refused rather than silently read as "from now".
 */
export function parseLastEventId(raw: string | undefined): number | null | 'invalid' {
  if (raw === undefined || raw.trim() === '') return null;
  const value = raw.trim();
  if (!/^\d{1,15}$/.test(value)) return 'invalid';
  return Number(value);
}

/**
 * The last status text sent per job, to leave out a status identical to the one before (a stream that
 * resumes far back reads many events whose effect the read models already show). Bounded: the oldest
 * job is forgotten first, which at worst repeats one status.
 */
export class SentStatuses {
  private readonly sent = new Map<string, string>();

  constructor(private readonly capacity = 256) {}

  /** True when `text` differs from what was last sent for the job; records it. */
  isNew(jobId: string, text: string): boolean {
    if (this.sent.get(jobId) === text) return false;
    this.sent.delete(jobId);
    this.sent.set(jobId, text);
    if (this.sent.size > this.capacity) this.sent.delete(this.sent.keys().next().value!);
    return true;
  }

  forget(jobId: string): void {
    this.sent.delete(jobId);
  }
}
