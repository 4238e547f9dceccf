import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { followJob, WaitingEvent } from '../api/sync-events';
import type { JobStatusView, StageName } from '../api/types';

export const TERMINAL = ['completed', 'failed', 'cancelled'];
const POLL_MS = 1000;

export interface LiveJob {
  status: JobStatusView | null;
  /** When each stage began, as far as this page saw (the first one: the job's start). */
  stageStarts: Partial<Record<StageName, string>>;
  /** The current wait for a rate limit or a retry, until the stage moves on. */
  waiting: WaitingEvent | null;
  /** How the page is kept current. */
  feed: 'events' | 'polling' | 'done';
  error: unknown;
}

/**
 * One job, live: its status from the server-sent event stream (GET /api/sync/events), and polling
 * GET /api/sync/status once a second where the stream cannot be opened. Pages read jobs through this hook
 * only, so how the app follows a job is decided here.
 */
export function useJobStatus(channelId: string, jobId: string): LiveJob {
  const [live, setLive] = useState<LiveJob>({
    status: null,
    stageStarts: {},
    waiting: null,
    feed: 'events',
    error: null,
  });

  useEffect(() => {
    let stopped = false;
    let stopEvents: (() => void) | null = null;
    let pollTimer: ReturnType<typeof setTimeout> | null = null;

    const showStatus = (status: JobStatusView) => {
      if (stopped) return;
      setLive((before) => {
        const stageStarts = { ...before.stageStarts };
        if (status.started_at && !stageStarts.fetching_messages) stageStarts.fetching_messages = status.started_at;
        const fromStatus = waitFromStatus(status);
        let waiting = before.waiting;
        if (fromStatus && (!waiting || Date.parse(fromStatus.retrying_at) > Date.parse(waiting.retrying_at))) {
          waiting = { ...fromStatus, platform: waiting?.platform ?? null };
        }
        if (status.error === null || TERMINAL.includes(status.status)) waiting = null;
        const feed = TERMINAL.includes(status.status) ? 'done' : before.feed;
        return { ...before, status, stageStarts, waiting, feed, error: null };
      });
    };

    const poll = async () => {
      try {
        const status = await api.syncStatus(channelId, jobId);
        showStatus(status);
        if (TERMINAL.includes(status.status)) return;
      } catch (error) {
        if (!stopped) setLive((before) => ({ ...before, error }));
      }
      if (!stopped) pollTimer = setTimeout(() => void poll(), POLL_MS);
    };

    stopEvents = followJob(jobId, {
      status: showStatus,
      stage: (event) =>
        setLive((before) => ({
          ...before,
          waiting: null,
          stageStarts: { ...before.stageStarts, [event.stage]: before.stageStarts[event.stage] ?? event.at },
        })),
      waiting: (event) => setLive((before) => ({ ...before, waiting: event })),
      unavailable: () => {
        if (stopped) return;
        setLive((before) => ({ ...before, feed: before.feed === 'done' ? 'done' : 'polling' }));
        void poll();
      },
    });
    // The first answer comes from the status endpoint too: the page shows the job before the stream opens.
    api
      .syncStatus(channelId, jobId)
      .then(showStatus)
      .catch((error: unknown) => !stopped && setLive((before) => ({ ...before, error })));

    return () => {
      stopped = true;
      stopEvents?.();
      if (pollTimer) clearTimeout(pollTimer);
    };
  }, [channelId, jobId]);

  return live;
}

/**
 * A running job that waits to retry a stage shows it in its status too (error.details.retrying_at): a page
 * opened during a wait learns of it there, as the stream's `waiting` event came before the page did.
 */
function waitFromStatus(status: JobStatusView): WaitingEvent | null {
  const details = status.error?.details;
  if (!status.error || status.status !== 'running' || typeof details?.retrying_at !== 'string') return null;
  return {
    job_id: status.job_id,
    stage: status.current_stage ?? 'fetching_messages',
    platform: null,
    reason: status.error.code === 'RATE_LIMIT' ? 'throttle' : 'retry',
    attempt: typeof details.attempt === 'number' ? details.attempt : 1,
    retrying_at: details.retrying_at,
    wait_seconds: typeof details.retry_after === 'number' ? details.retry_after : 0,
    error: status.error,
    at: new Date().toISOString(),
  };
}
