import createClient from 'openapi-fetch';
import { sessionKey, signOut } from '../auth/session-key';
import { ApiError } from './api-error';
import { request } from './http';
import type { components, paths } from './schema';

type Schemas = components['schemas'];

/**
 * The API calls the app makes, one function each, over openapi-fetch typed by the generated `paths`: a
 * path, parameter or body the API does not have is a type error. Pages never build URLs themselves.
 */
const client = createClient<paths>({ baseUrl: typeof window === 'undefined' ? '' : window.location.origin });

client.use({
  onRequest({ request }) {
    const key = sessionKey();
    if (key) request.headers.set('Authorization', `Bearer ${key}`);
    request.headers.set('Accept', 'application/json');
    return request;
  },
});

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's data, or its error envelope thrown as an ApiError (a 401 also signs the tab out). */
async function unwrap<T>(pending: Promise<Answer<T>>): Promise<NonNullable<T>> {
  let answer: Answer<T>;
  try {
    answer = await pending;
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', 'The server cannot be reached.');
  }
  const { response } = answer;
  if (!response.ok) {
    if (response.status === 401) signOut();
    const body = answer.error as { error?: { code?: string; message?: string; details?: Record<string, unknown> } };
    const error = body?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? response.statusText,
      error?.details ?? {},
    );
  }
  return answer.data as NonNullable<T>;
}

const id = (connectionId: string) => ({ params: { path: { connection_id: connectionId } } });

export const api = {
  connections: () => unwrap(client.GET('/api/connections')),
  connection: (connectionId: string) => unwrap(client.GET('/api/connections/{connection_id}', id(connectionId))),
  createConnection: (body: Schemas['CreateConnectionDto']) => unwrap(client.POST('/api/connections', { body })),
  updateConnection: (connectionId: string, body: Schemas['UpdateConnectionDto']) =>
    unwrap(client.PUT('/api/connections/{connection_id}', { ...id(connectionId), body })),
  testConnection: (connectionId: string) =>
    unwrap(client.POST('/api/connections/{connection_id}/test', id(connectionId))),
  deleteConnection: (connectionId: string) =>
    unwrap(client.DELETE('/api/connections/{connection_id}', id(connectionId))),

  channels: (connectionId?: string) =>
    unwrap(client.GET('/api/channels', { params: { query: { connection_id: connectionId } } })),

  message: (channelId: string, messageId: string) =>
    unwrap(
      client.GET('/api/channels/{channel_id}/messages/{message_id}', {
        params: { path: { channel_id: channelId, message_id: messageId } },
      }),
    ),

  triggerSync: (channelId: string, force = false) =>
    unwrap(client.POST('/api/sync', { body: { channel_id: channelId, force } })),
  syncStatus: (channelId: string, jobId?: string, signal?: AbortSignal) =>
    unwrap(client.GET('/api/sync/status', { params: { query: { channel_id: channelId, job_id: jobId } }, signal })),
  syncHistory: (channelId: string, limit = 10) =>
    unwrap(client.GET('/api/sync/history', { params: { query: { channel_id: channelId, limit } } })),
  cancelSync: (jobId: string) => unwrap(client.POST('/api/sync/cancel', { body: { job_id: jobId } })),
  // Its answer has no schema in the document yet: typed here by hand.
  eventStreamToken: () => request<{ token: string; expires_at: string }>('POST', '/api/sync/events/token'),

  search: (query: {
    q: string;
    kind?: Schemas['SearchHit']['kind'][];
    channel_id?: string[];
    cursor?: string;
    limit?: number;
  }) => unwrap(client.GET('/api/search', { params: { query } })),

  schedules: (channelId?: string) =>
    unwrap(client.GET('/api/sync/schedules', { params: { query: { channel_id: channelId } } })),
  setSchedule: (body: Schemas['UpdateScheduleDto']) => unwrap(client.PUT('/api/sync/schedules', { body })),

  webhooks: () => unwrap(client.GET('/api/webhooks')),
  createWebhook: (body: Schemas['CreateWebhookDto']) => unwrap(client.POST('/api/webhooks', { body })),
  deleteWebhook: (webhookId: string) =>
    unwrap(client.DELETE('/api/webhooks/{webhook_id}', { params: { path: { webhook_id: webhookId } } })),
  webhookDeliveries: (webhookId: string, cursor?: string) =>
    unwrap(
      client.GET('/api/webhooks/{webhook_id}/deliveries', {
        params: { path: { webhook_id: webhookId }, query: { cursor, limit: 20 } },
      }),
    ),
};
