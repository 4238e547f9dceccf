import { JOB_STATUSES, JobStatus } from '@atlas/events';
import type { ReadModelStore } from '@atlas/store';
import { PIPELINE_TOTALS_ID, PipelineTotalsDoc } from '../pipeline-metrics';

/** What GET /metrics reads from the read models: one document and one indexed count per job status. */
export class PipelineMetricsQueries {
  constructor(private readonly store: ReadModelStore) {}

  totals(): Promise<PipelineTotalsDoc | null> {
    return this.store.get<PipelineTotalsDoc>('pipeline_metrics', PIPELINE_TOTALS_ID);
  }

  /** Jobs in each status, counted on the jobs' (status, requested_seq) index. */
  async jobsByStatus(): Promise<Record<JobStatus, number>> {
    const counts = await Promise.all(JOB_STATUSES.map((status) => this.store.count('jobs', { status })));
    return Object.fromEntries(JOB_STATUSES.map((status, i) => [status, counts[i]])) as Record<JobStatus, number>;
  }
}
