import { ApiProperty } from '@nestjs/swagger';
import type { JobDoc } from '@atlas/read-models';

export const HEALTH_STATUSES = ['ok', 'failing', 'never_synced'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/**
 * A connection's health as its syncs last found it, without asking the platform (that is POST …/test):
 * each channel's newest completed or failed job counts.
 */
export class ConnectionHealth {
  @ApiProperty({
    enum: HEALTH_STATUSES,
    description:
      "`failing`: some channel's newest finished job failed; `ok`: every channel's newest finished job completed; " +
      '`never_synced`: no job of its channels has completed or failed yet',
  })
  status: HealthStatus;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'AUTH_ERROR',
    description: "The failed job's error code when failing",
  })
  error_code: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'The job it was judged by: the newest failed one when failing, else the newest completed one',
  })
  job_id: string | null;
  @ApiProperty({ type: 'string', nullable: true }) channel_id: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'When that job finished' })
  as_of: string | null;
}

/** Health from the newest finished (completed or failed) job of each of the connection's channels. */
export function connectionHealth(latestFinishedJobs: Array<JobDoc | null>): ConnectionHealth {
  const jobs = latestFinishedJobs
    .filter((job): job is JobDoc => job !== null)
    .sort((a, b) => b.requested_seq - a.requested_seq);
  const judgedBy = jobs.find((job) => job.status === 'failed') ?? jobs[0];
  if (!judgedBy) return { status: 'never_synced', error_code: null, job_id: null, channel_id: null, as_of: null };
  const failing = judgedBy.status === 'failed';
  return {
    status: failing ? 'failing' : 'ok',
    error_code: failing ? (judgedBy.error?.code ?? null) : null,
    job_id: judgedBy.job_id,
    channel_id: judgedBy.channel_id,
    as_of: judgedBy.finished_at,
  };
}
