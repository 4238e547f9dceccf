import { Link } from 'react-router';
import { api } from '../api/client';
import type { ChannelSummary, JobHistoryEntry } from '../api/types';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatDuration, formatTime, PLATFORM_NAMES } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';
import { useLoad } from '../common/useLoad';
import { jobPath } from './paths';

interface ChannelJob {
  channel: ChannelSummary;
  latest: JobHistoryEntry | null;
}

/** The latest job of every channel: where something runs, failed or waits. */
export function JobsPage() {
  const { data, error, reload } = useLoad(loadLatestJobs, []);
  return (
    <section>
      <h1>Jobs</h1>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void reload()}>
          Refresh
        </button>
      </div>
      <ErrorNotice error={error} />
      {data && data.length === 0 && (
        <p>
          No channels yet: add a <Link to="/connections">connection</Link>.
        </p>
      )}
      {data && data.length > 0 && (
        <div className="table-wrap">
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">Latest job</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Duration</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {data.map(({ channel, latest }) => (
                <tr key={channel.channel_id}>
                  <td data-label="Channel">
                    {channel.name}{' '}
                    <span className="hint">({PLATFORM_NAMES[channel.platform] ?? channel.platform})</span>
                  </td>
                  <td data-label="Latest job">
                    {latest ? (
                      <Link to={jobPath(channel.channel_id, latest.job_id)}>{latest.job_id}</Link>
                    ) : (
                      'never synced'
                    )}
                  </td>
                  <td data-label="Status">{latest ? <StatusBadge status={latest.status} /> : '—'}</td>
                  <td data-label="Started">{formatTime(latest?.started_at)}</td>
                  <td data-label="Duration">{formatDuration(latest?.duration_seconds)}</td>
                  <td data-label="Error">{latest?.error ? `${latest.error.code}: ${latest.error.message}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

async function loadLatestJobs(): Promise<ChannelJob[]> {
  const { channels } = await api.channels();
  return Promise.all(channels.map(async (channel) => ({ channel, latest: await latestJob(channel.channel_id) })));
}

/** The channel's latest job; null when it has none. */
export async function latestJob(channelId: string): Promise<JobHistoryEntry | null> {
  return (await api.syncHistory(channelId, 1)).history[0] ?? null;
}
