import type { ReadModelStore } from '@atlas/store';
import type { JobDoc } from '../documents';

export class JobsQueries {
  constructor(private readonly store: ReadModelStore) {}

  get(jobId: string): Promise<JobDoc | null> {
    return this.store.get<JobDoc>('jobs', jobId);
  }

  /** The channel's most recent job, whatever its status. */
  async latestOfChannel(channelId: string): Promise<JobDoc | null> {
    const [job] = await this.history(channelId, 1);
    return job ?? null;
  }

  /** The channel's most recent job that completed or failed (cancelled ones say nothing of its health). */
  async latestFinishedOfChannel(channelId: string): Promise<JobDoc | null> {
    const [job] = await this.store.find<JobDoc>('jobs', {
      where: { channel_id: channelId, status: { $in: ['completed', 'failed'] } },
      orderBy: [['requested_seq', 'desc']],
      limit: 1,
    });
    return job ?? null;
  }

  /** Newest first. */
  history(channelId: string, limit: number): Promise<JobDoc[]> {
    return this.store.find<JobDoc>('jobs', {
      where: { channel_id: channelId },
      orderBy: [['requested_seq', 'desc']],
      limit,
    });
  }

  countByStatus(status: JobDoc['status']): Promise<number> {
    return this.store.count('jobs', { status });
  }
}
