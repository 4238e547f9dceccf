import type { StageName } from '@atlas/events';
import type { PoisonReport } from '@atlas/messaging';
import { JobsQueries, Projector } from '@atlas/read-models';
import type { Runtime, WorkerName } from '@atlas/runtime';
import { failJob } from '@atlas/stages';
import { JobWriter } from '@atlas/sync';

const STAGE_OF: Partial<Record<WorkerName, StageName>> = {
  fetcher: 'fetching_messages',
  extractor: 'extracting_facts',
  'graph-builder': 'building_graph',
  'wiki-generator': 'generating_wiki',
};

/**
 * Records a message a worker had to terminate on the job it belongs to. The projector notes it on the
 * job's read model (it cannot append events: a rebuild must not write to the log); the webhook workers
 * record nothing on jobs; every other worker
 * fails the job with INTERNAL_ERROR, since the job cannot finish without that message.
 */
export function poisonRecorder(worker: WorkerName, runtime: Runtime): (report: PoisonReport) => Promise<void> {
  if (worker === 'projector') {
    const projector = new Projector(runtime.store);
    return (report) => projector.reject(report.seq, { jobId: report.jobId, type: report.type, reason: report.reason });
  }
  // A webhook's delivery never fails the job whose event it carries: the transport's log line is its record.
  if (worker === 'webhook-fanout' || worker === 'webhook-delivery') return async () => undefined;
  const jobs = new JobsQueries(runtime.store);
  return async (report) => {
    if (!report.jobId || !report.channelId) return;
    const job = await jobs.get(report.jobId);
    if (!job) throw new Error(`job ${report.jobId} is not in the read models yet`);
    await failJob(
      new JobWriter(runtime.events, job.channel_id, job.job_id),
      job,
      STAGE_OF[worker] ?? job.stage,
      {
        code: 'INTERNAL_ERROR',
        message: `${worker} could not process event #${report.seq} (${report.type ?? 'unknown type'}): ${report.reason}`,
        details: {},
      },
      worker,
    );
  };
}
