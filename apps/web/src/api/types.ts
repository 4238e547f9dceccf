/**
 * The API's answers as the web app uses them, written from ../shared/spec/sync-api.md and the gateway's
 * views. They give way to the types generated from the OpenAPI document (schema.d.ts) once it exists.
 */
export const STAGES = ['fetching_messages', 'extracting_facts', 'building_graph', 'generating_wiki'] as const;
export type StageName = (typeof STAGES)[number];
export type JobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export type Platform =
  'slack' | 'slack_export' | 'discord' | 'discord_export' | 'mattermost' | 'teams' | 'generic_import';

export interface JobError {
  code: string;
  message: string;
  details: { retry_after?: number; failing_message_id?: string; [key: string]: unknown };
}

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
  /** Each stage's own progress (beyond the spec). */
  stages?: Array<{ stage: StageName; percentage: number; completed: boolean }>;
  knowledge?: {
    facts_extracted: number;
    skipped_messages: number;
    entities_created: number;
    relations_created: number;
    wiki_pages_changed: number;
  };
}

export interface JobHistoryEntry {
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

export interface TriggerSyncAnswer {
  status: 'started' | 'queued';
  job_id: string;
  channel_id: string;
  estimated_messages: number | null;
  started_at: string | null;
}

export interface ScheduleView {
  channel_id: string;
  schedule: string;
  timezone: string;
  enabled: boolean;
  next_sync: string | null;
  last_sync: string | null;
}

export interface ChannelSummary {
  channel_id: string;
  name: string;
  connection_id: string;
  platform: Platform;
  last_sync: string | null;
}

export interface ConnectionView {
  connection_id: string;
  name: string;
  platform: Platform;
  config: Record<string, string | undefined>;
  has_credentials: boolean;
  created_at: string;
  updated_at: string | null;
  channels: ChannelSummary[];
}

export interface ConnectionTestAnswer {
  ok: boolean;
  latency_ms: number;
  channels_visible: number | null;
  channels_missing: string[];
  error: { code: string; message: string; details: Record<string, unknown> } | null;
}

export interface DeleteConnectionAnswer {
  connection_id: string;
  deleted: true;
  channels_removed: string[];
}
