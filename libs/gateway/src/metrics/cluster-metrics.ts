import { Counter, Gauge, Metric, Registry } from 'prom-client';
import { JOB_STATUSES, STAGES } from '@atlas/events';
import { DURATION_BUCKETS_SECONDS, DurationCounts, PipelineTotalsDoc } from '@atlas/read-models';
import type { ClusterSnapshot } from './cluster-snapshot';

const TOTALS: Array<{ field: keyof PipelineTotalsDoc; name: string; help: string }> = [
  { field: 'messages_fetched', name: 'atlas_messages_fetched_total', help: 'Messages fetched from platforms.' },
  { field: 'messages_extracted', name: 'atlas_messages_extracted_total', help: 'Messages facts were extracted from.' },
  { field: 'facts_extracted', name: 'atlas_facts_extracted_total', help: 'Facts extracted.' },
  { field: 'entities_created', name: 'atlas_entities_created_total', help: 'Graph entities created (not merged).' },
  { field: 'relations_created', name: 'atlas_relations_created_total', help: 'Graph relations created.' },
  { field: 'wiki_pages_changed', name: 'atlas_wiki_pages_changed_total', help: 'Wiki pages written with new content.' },
];

/**
 * The deployment-wide metrics of one scrape, in a registry of their own: read from the read models and
 * JetStream (see ClusterSnapshot), the same on every gateway. A part whose source did not answer is left
 * out and `atlas_metrics_source_up` says so: Prometheus sees a gap, not a drop to zero.
 */
export function clusterMetrics(snapshot: ClusterSnapshot): Registry {
  const registry = new Registry();
  const registers = [registry];
  const { totals, jobs, logPosition, projectionPosition, consumers } = snapshot;

  const up = new Gauge({
    name: 'atlas_metrics_source_up',
    help: 'Whether a source of the deployment-wide metrics answered this scrape (1) or not (0): read_models, event_log, jetstream_consumers.',
    labelNames: ['source'],
    registers,
  });
  up.set({ source: 'read_models' }, totals !== null && jobs !== null && projectionPosition !== null ? 1 : 0);
  up.set({ source: 'event_log' }, logPosition !== null ? 1 : 0);
  up.set({ source: 'jetstream_consumers' }, consumers !== null ? 1 : 0);

  if (jobs !== null) {
    const gauge = new Gauge({
      name: 'atlas_jobs',
      help: 'Sync jobs in each status.',
      labelNames: ['status'],
      registers,
    });
    for (const status of JOB_STATUSES) gauge.set({ status }, jobs[status]);
  }

  if (totals !== null) {
    const doc = totals === 'empty' ? null : totals;
    for (const { field, name, help } of TOTALS) {
      new Counter({ name, help, registers }).inc(Number(doc?.[field] ?? 0));
    }
    registry.registerMetric(
      histogram(
        'atlas_stage_duration_seconds',
        'Time each stage was the current stage of a job, from the end of the stage before it (the job start for fetching) to its own end; stages overlap, so this is the wait each one added.',
        'stage',
        STAGES.map((stage) => [stage, doc?.stage_durations[stage]]),
      ),
    );
    registry.registerMetric(
      histogram(
        'atlas_job_duration_seconds',
        'Time from the start of a job to its end, by how it ended (jobs cancelled before they started are not counted).',
        'status',
        (['completed', 'failed', 'cancelled'] as const).map((status) => [status, doc?.job_durations[status]]),
      ),
    );
  }

  if (logPosition !== null) {
    new Gauge({
      name: 'atlas_event_log_last_sequence',
      help: 'Sequence of the newest event in the log.',
      registers,
    }).set(logPosition);
  }
  if (projectionPosition !== null) {
    new Gauge({
      name: 'atlas_projection_position',
      help: 'Sequence of the newest event the read models include.',
      registers,
    }).set(projectionPosition);
  }
  if (logPosition !== null && projectionPosition !== null) {
    new Gauge({
      name: 'atlas_projection_lag_events',
      help: 'Events in the log the read models do not show yet.',
      registers,
    }).set(Math.max(0, logPosition - projectionPosition));
  }

  if (consumers !== null) {
    const labelNames = ['consumer'];
    const pending = new Gauge({
      name: 'atlas_jetstream_consumer_pending_messages',
      help: 'Messages of the event stream not yet delivered to the durable consumer.',
      labelNames,
      registers,
    });
    const ackPending = new Gauge({
      name: 'atlas_jetstream_consumer_ack_pending_messages',
      help: 'Messages delivered to the durable consumer and not acknowledged yet.',
      labelNames,
      registers,
    });
    const redelivered = new Gauge({
      name: 'atlas_jetstream_consumer_redelivered_messages',
      help: 'Messages delivered to the durable consumer more than once and not acknowledged yet.',
      labelNames,
      registers,
    });
    for (const state of consumers) {
      pending.set({ consumer: state.consumer }, state.pending);
      ackPending.set({ consumer: state.consumer }, state.ackPending);
      redelivered.set({ consumer: state.consumer }, state.redelivered);
    }
  }
  return registry;
}

/**
 * A histogram whose buckets were counted elsewhere (the read models): prom-client's Histogram can only
 * observe, so this is the shape its registry renders, filled from stored counts.
 */
function histogram(
  name: string,
  help: string,
  label: string,
  series: Array<readonly [string, DurationCounts | undefined]>,
): Metric {
  const values = series.flatMap(([value, counts]) => {
    let cumulative = 0;
    const buckets = [...DURATION_BUCKETS_SECONDS, '+Inf' as const].map((le, i) => {
      cumulative += counts?.counts[i] ?? 0;
      return { metricName: `${name}_bucket`, labels: { [label]: value, le }, value: cumulative };
    });
    return [
      ...buckets,
      { metricName: `${name}_sum`, labels: { [label]: value }, value: counts?.sum_seconds ?? 0 },
      { metricName: `${name}_count`, labels: { [label]: value }, value: counts?.count ?? 0 },
    ];
  });
  const data = { name, help, type: 'histogram', values, aggregator: 'sum' };
  return { ...data, get: async () => data } as unknown as Metric;
}
