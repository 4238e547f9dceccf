import { Link } from 'react-router';
import { api } from '../api/client';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatDuration, formatTime } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';
import { useLoad } from '../common/useLoad';
import { JobErrorView } from './JobErrorView';
import { jobPath } from './paths';

/** A channel's jobs, newest first, with their errors. */
export function JobHistory({ channelId, refreshKey }: { channelId: string; refreshKey?: unknown }) {
  const { data, error } = useLoad(() => api.syncHistory(channelId, 20), [channelId, refreshKey]);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p>Loading the history…</p>;
  if (data.history.length === 0) return <p>This channel has not been synced yet.</p>;
  return (
    <div className="table-wrap">
      <table className="responsive">
        <caption className="hint">Jobs of this channel, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">Duration</th>
            <th scope="col">Messages</th>
            <th scope="col">Facts</th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          {data.history.map((job) => (
            <tr key={job.job_id} data-job={job.job_id}>
              <td data-label="Job">
                <Link to={jobPath(channelId, job.job_id)}>{job.job_id}</Link>
              </td>
              <td data-label="Status">
                <StatusBadge status={job.status} />
              </td>
              <td data-label="Started">{formatTime(job.started_at)}</td>
              <td data-label="Duration">{formatDuration(job.duration_seconds)}</td>
              <td data-label="Messages">{job.messages_synced}</td>
              <td data-label="Facts">{job.facts_extracted}</td>
              <td data-label="Error">{job.error ? <JobErrorView error={job.error} channelId={channelId} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
