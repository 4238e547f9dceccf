import { AggregatorRegistry, Registry } from 'prom-client';
import { processMetrics } from './process-metrics';

/** Metrics as `Registry.getMetricsAsJSON()` gives them: what crosses from a thread to the one that serves /metrics. */
export type MetricsSnapshot = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

/** Reads what another thread of this process counted (service-thread.ts asks its thread at scrape time). */
export type ThreadMetricsReader = () => Promise<MetricsSnapshot>;

const otherThreads = new Set<ThreadMetricsReader>();

/** Adds a thread's counters to this thread's /metrics; returns how to stop (the thread ended). */
export function addThreadMetrics(read: ThreadMetricsReader): () => void {
  otherThreads.add(read);
  return () => otherThreads.delete(read);
}

/**
 * What this thread counts itself (the atlas_* metrics), for the thread that serves /metrics to add up with
 * its own. Node's process_* and nodejs_* metrics describe the whole process or the serving thread's loop:
 * taken from every thread they would count the process twice.
 */
export async function ownCounters(): Promise<MetricsSnapshot> {
  return (await processMetrics.getMetricsAsJSON()).filter((metric) => metric.name.startsWith('atlas_'));
}

/**
 * This process's metrics: this thread's registry, with the counters its other threads keep added in (summed
 * by name and labels, as prom-client aggregates a cluster's workers). One thread: its registry as it is.
 */
export async function processMetricsOfAllThreads(): Promise<Registry> {
  if (otherThreads.size === 0) return processMetrics;
  const snapshots = await Promise.all([processMetrics.getMetricsAsJSON(), ...[...otherThreads].map((read) => read())]);
  return AggregatorRegistry.aggregate(snapshots);
}
