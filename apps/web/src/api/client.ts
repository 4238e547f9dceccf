import { request } from './http';
import type {
  ChannelSummary,
  ConnectionTestAnswer,
  ConnectionView,
  DeleteConnectionAnswer,
  JobHistoryEntry,
  JobStatusView,
  Platform,
  ScheduleView,
  TriggerSyncAnswer,
} from './types';

/**
 * The API calls the app makes, one function each: pages never build URLs themselves, so moving to the
 * client generated from the OpenAPI document changes this file only.
 */
export const api = {
  health: () => request<{ status: string }>('GET', '/health'),

  connections: () => request<{ connections: ConnectionView[] }>('GET', '/api/connections'),
  connection: (id: string) => request<ConnectionView>('GET', `/api/connections/${encodeURIComponent(id)}`),
  createConnection: (input: {
    name: string;
    platform: Platform;
    config: Record<string, unknown>;
    credentials?: Record<string, string>;
  }) => request<ConnectionView>('POST', '/api/connections', { body: input }),
  updateConnection: (
    id: string,
    input: { name?: string; config?: Record<string, unknown>; credentials?: Record<string, string> },
  ) => request<ConnectionView>('PUT', `/api/connections/${encodeURIComponent(id)}`, { body: input }),
  testConnection: (id: string) =>
    request<ConnectionTestAnswer>('POST', `/api/connections/${encodeURIComponent(id)}/test`),
  deleteConnection: (id: string) =>
    request<DeleteConnectionAnswer>('DELETE', `/api/connections/${encodeURIComponent(id)}`),

  channels: (connectionId?: string) =>
    request<{ channels: ChannelSummary[] }>('GET', '/api/channels', { query: { connection_id: connectionId } }),

  triggerSync: (channelId: string, force = false) =>
    request<TriggerSyncAnswer>('POST', '/api/sync', { body: { channel_id: channelId, force } }),
  syncStatus: (channelId: string, jobId?: string, signal?: AbortSignal) =>
    request<JobStatusView>('GET', '/api/sync/status', { query: { channel_id: channelId, job_id: jobId }, signal }),
  syncHistory: (channelId: string, limit = 10) =>
    request<{ history: JobHistoryEntry[] }>('GET', '/api/sync/history', { query: { channel_id: channelId, limit } }),
  cancelSync: (jobId: string) =>
    request<{ status: 'cancelled'; job_id: string; cancelled_at: string }>('POST', '/api/sync/cancel', {
      body: { job_id: jobId },
    }),

  schedules: (channelId?: string) =>
    request<{ schedules: ScheduleView[] }>('GET', '/api/sync/schedules', { query: { channel_id: channelId } }),
  setSchedule: (input: { channel_id: string; schedule: string; enabled?: boolean; timezone?: string }) =>
    request<ScheduleView>('PUT', '/api/sync/schedules', { body: input }),
};
