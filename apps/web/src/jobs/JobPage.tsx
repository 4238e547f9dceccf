import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { JobHistory } from './JobHistory';
import { JobLive } from './JobLive';

/** /jobs/:channelId/:jobId: one job live, and the channel's history below it. */
export function JobPage() {
  const { channelId = '', jobId = '' } = useParams();
  const [jobStatus, setJobStatus] = useState<string | null>(null);
  return (
    <section>
      <p>
        <Link to="/jobs">← All jobs</Link>
      </p>
      <h1>Channel {channelId}</h1>
      <JobLive key={jobId} channelId={channelId} jobId={jobId} onStatus={setJobStatus} />
      <h2>History</h2>
      <JobHistory channelId={channelId} refreshKey={`${jobId}:${jobStatus}`} />
    </section>
  );
}
