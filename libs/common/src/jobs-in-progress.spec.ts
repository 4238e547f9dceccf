import { jobsInProgress } from './jobs-in-progress';

describe('jobsInProgress', () => {
  it('lists each running stage until it leaves, and tells listeners of every change', () => {
    const seen: number[] = [];
    const stopListening = jobsInProgress.onChange((jobs) => seen.push(jobs.length));
    const leaveFetch = jobsInProgress.enter({ job_id: 'sync_1', channel_id: 'C1', stage: 'fetching_messages' });
    const leaveWiki = jobsInProgress.enter({ job_id: 'sync_1', channel_id: 'C1', stage: 'generating_wiki' });
    expect(jobsInProgress.list()).toEqual([
      expect.objectContaining({ job_id: 'sync_1', channel_id: 'C1', stage: 'fetching_messages' }),
      expect.objectContaining({ job_id: 'sync_1', channel_id: 'C1', stage: 'generating_wiki' }),
    ]);
    leaveFetch();
    leaveFetch();
    expect(jobsInProgress.list().map((job) => job.stage)).toEqual(['generating_wiki']);
    leaveWiki();
    stopListening();
    jobsInProgress.enter({ job_id: 'sync_2', channel_id: 'C1', stage: 'fetching_messages' })();
    expect(seen).toEqual([1, 2, 1, 0]);
    expect(jobsInProgress.list()).toEqual([]);
  });
});
