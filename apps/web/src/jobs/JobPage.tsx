import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PLATFORM_NAMES } from '../common/format';
import { useChannel } from '../common/useChannel';
import { JobHistory } from './JobHistory';
import { JobLive } from './JobLive';

/** /jobs/:channelId/:jobId: one job live, and the channel's history below it. */
export function JobPage() {
  const { channelId = '', jobId = '' } = useParams();
  const [jobStatus, setJobStatus] = useState<string | null>(null);
  const channel = useChannel(channelId);
  return (
    <section>
      <p>
        <Link to="/jobs">← All jobs</Link>
      </p>
      <h1>{channel ? `#${channel.name}` : `Channel ${channelId}`}</h1>
      {channel && (
        <p className="hint">
          {PLATFORM_NAMES[channel.platform] ?? channel.platform} · {channelId}
        </p>
      )}
      <JobLive key={jobId} channelId={channelId} jobId={jobId} onStatus={setJobStatus} />
      <h2>History</h2>
      <JobHistory channelId={channelId} refreshKey={`${jobId}:${jobStatus}`} />
    </section>
  );
}
