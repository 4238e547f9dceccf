import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { STAGES } from '../api/types';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatDuration, formatTime, PLATFORM_NAMES, secondsBetween, STAGE_NAMES } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';
import { useChannel } from '../common/useChannel';
import { JobErrorView } from './JobErrorView';
import { TERMINAL, useJobStatus } from './useJobStatus';

/** A job as it runs: overall progress, the four stages, counts, ETA, the current wait, and cancel. */
export function JobLive({
  channelId,
  jobId,
  onStatus,
}: {
  channelId: string;
  jobId: string;
  /** Told each new status value (queued, running, completed...), e.g. to refresh a history. */
  onStatus?: (status: string) => void;
}) {
  const { status, stageStarts, waiting, feed, error } = useJobStatus(channelId, jobId);
  const platform = useChannel(channelId)?.platform ?? null;
  const statusValue = status?.status;
  useEffect(() => {
    if (statusValue) onStatus?.(statusValue);
  }, [statusValue, onStatus]);
  const now = useNow(status !== null && !TERMINAL.includes(status.status));
  const [cancelError, setCancelError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState(false);

  if (!status) return error ? <ErrorNotice error={error} /> : <p>Loading the job…</p>;
  const running = !TERMINAL.includes(status.status);
  const end = status.completed_at ?? now.toISOString();
  const current = STAGES.indexOf(status.current_stage ?? 'fetching_messages');
  const stageView = (index: number) => status.stages?.[index];

  async function cancel() {
    setCancelling(true);
    setCancelError(null);
    try {
      await api.cancelSync(jobId);
    } catch (caught) {
      setCancelError(caught);
    } finally {
      setCancelling(false);
    }
  }

  const waitLeft = waiting ? Math.max(0, Math.ceil((Date.parse(waiting.retrying_at) - now.getTime()) / 1000)) : 0;
  return (
    <section className="card" aria-labelledby="job-title">
      <h2 id="job-title">
        Job {status.job_id} <StatusBadge status={status.status} />
      </h2>
      <label htmlFor="job-progress">Progress: {status.progress.percentage}%</label>
      <progress id="job-progress" max={100} value={status.progress.percentage}>
        {status.progress.percentage}%
      </progress>
      {waiting && running && waitLeft > 0 && (
        <p className="warn" role="status">
          {waiting.reason === 'throttle'
            ? `Waiting ${waitLeft} s for ${PLATFORM_NAMES[waiting.platform ?? platform ?? ''] ?? 'the platform'} (rate limit)`
            : `Waiting ${waitLeft} s before retrying ${STAGE_NAMES[waiting.stage]} (attempt ${waiting.attempt}): ${waiting.error.message}`}
        </p>
      )}
      <dl className="stat-grid">
        <div>
          <dt>Processed</dt>
          <dd>
            {status.progress.processed_messages} / {status.progress.total_messages}
          </dd>
        </div>
        <div>
          <dt>Failing</dt>
          <dd>{status.progress.failing_messages}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatTime(status.started_at)}</dd>
        </div>
        <div>
          <dt>{running ? 'ETA' : 'Ended'}</dt>
          <dd>{running ? formatTime(status.estimated_completion) : formatTime(status.completed_at)}</dd>
        </div>
        <div>
          <dt>Elapsed</dt>
          <dd>{formatDuration(secondsBetween(status.started_at, end))}</dd>
        </div>
        {status.knowledge && (
          <div>
            <dt>Facts / entities</dt>
            <dd>
              {status.knowledge.facts_extracted} / {status.knowledge.entities_created}
            </dd>
          </div>
        )}
      </dl>
      <h3>Stages</h3>
      <ol className="stages">
        {STAGES.map((stage, index) => {
          const view = stageView(index);
          // The server's stage times (they overlap: extraction starts on the first fetched batch); the
          // stream's stage events for a job whose status predates them.
          const started = view?.started_at ?? stageStarts[stage];
          const stageEnd = view?.completed_at ?? (running ? now.toISOString() : (status.completed_at ?? end));
          const state =
            status.status === 'completed' || index < current
              ? 'done'
              : index === current && running
                ? 'running'
                : index === current
                  ? status.status
                  : 'pending';
          return (
            <li key={stage} data-stage={stage}>
              <span>
                {STAGE_NAMES[stage]} <span className="hint">({state})</span>
              </span>
              <progress
                max={100}
                value={view?.percentage ?? (state === 'done' ? 100 : 0)}
                aria-label={`${STAGE_NAMES[stage]} progress`}
              />
              <span className="hint">{started ? formatDuration(secondsBetween(started, stageEnd)) : '—'}</span>
            </li>
          );
        })}
      </ol>
      {status.error && <JobErrorView error={status.error} channelId={channelId} />}
      <div className="actions">
        {running && (
          <button type="button" className="danger" onClick={() => void cancel()} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel job'}
          </button>
        )}
        <span className="hint">
          {feed === 'events' ? 'Live (server-sent events)' : feed === 'polling' ? 'Live (polling)' : 'Finished'}
        </span>
      </div>
      <ErrorNotice error={cancelError} />
    </section>
  );
}

/** The clock, ticking each second while `running`: elapsed time and waits count down without new events. */
function useNow(running: boolean): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
