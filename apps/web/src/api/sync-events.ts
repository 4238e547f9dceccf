import { api } from './client';
import { withQuery } from './http';
import type { JobStatusView, StageName } from './types';

/** GET /api/sync/events `stage`: the job's current stage changed at `at`. */
export interface StageEvent {
  job_id: string;
  stage: StageName;
  previous_stage: StageName | null;
  at: string;
}

/** GET /api/sync/events `waiting`: a stage waits out a rate limit (throttle) or before a retry. */
export interface WaitingEvent {
  job_id: string;
  stage: StageName;
  platform: string | null;
  reason: 'throttle' | 'retry';
  attempt: number;
  retrying_at: string;
  wait_seconds: number;
  error: { code: string; message: string };
  at: string;
}

export interface SyncEventHandlers {
  status(status: JobStatusView): void;
  stage(event: StageEvent): void;
  waiting(event: WaitingEvent): void;
  /** The stream cannot be opened (no SSE on this server, or refused): the caller falls back to polling. */
  unavailable(error: unknown): void;
}

/**
 * Follows one job over Server-Sent Events. EventSource cannot send the API key, so the stream is opened
 * with a short-lived token (POST /api/sync/events/token); when the browser's own reconnect is refused
 * (the token expired), it reopens with a new token from the last event id it saw, so nothing is missed.
 */
export function followJob(jobId: string, handlers: SyncEventHandlers): () => void {
  let source: EventSource | null = null;
  let lastEventId: string | undefined;
  let stopped = false;

  const track = (event: MessageEvent) => {
    if (event.lastEventId) lastEventId = event.lastEventId;
    return JSON.parse(event.data as string);
  };

  async function open() {
    let token: string;
    try {
      token = (await api.eventStreamToken()).token;
    } catch (error) {
      if (!stopped) handlers.unavailable(error);
      return;
    }
    if (stopped) return;
    source = new EventSource(withQuery('/api/sync/events', { job_id: jobId, token, last_event_id: lastEventId }));
    source.addEventListener('status', (event) => handlers.status(track(event)));
    source.addEventListener('finished', (event) => {
      handlers.status(track(event));
      stop();
    });
    source.addEventListener('stage', (event) => handlers.stage(track(event)));
    source.addEventListener('waiting', (event) => handlers.waiting(track(event)));
    source.onerror = () => {
      // CONNECTING: the browser retries by itself; CLOSED: it gave up (refused), so open anew.
      if (source?.readyState === EventSource.CLOSED && !stopped) {
        source = null;
        setTimeout(() => void open(), 1000);
      }
    };
  }

  function stop() {
    stopped = true;
    source?.close();
    source = null;
  }

  void open();
  return stop;
}
