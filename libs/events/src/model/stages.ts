/** The four stages of a sync, in order. Names are binding (Sync API spec). */
export const STAGES = ['fetching_messages', 'extracting_facts', 'building_graph', 'generating_wiki'] as const;
export type StageName = (typeof STAGES)[number];

/** Job status values (Sync API spec). */
export const JOB_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Error codes a failed job carries (Sync API spec). */
export const JOB_ERROR_CODES = [
  'PLATFORM_ERROR',
  'AUTH_ERROR',
  'RATE_LIMIT',
  'CHANNEL_NOT_FOUND',
  'INTERNAL_ERROR',
] as const;
export type JobErrorCode = (typeof JOB_ERROR_CODES)[number];

export const PLATFORMS = [
  'slack',
  'slack_export',
  'discord',
  'discord_export',
  'mattermost',
  'teams',
  'generic_import',
] as const;
export type Platform = (typeof PLATFORMS)[number];
