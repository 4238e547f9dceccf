import { platformRequests } from './process-metrics';
import { addThreadMetrics, ownCounters, processMetricsOfAllThreads } from './thread-metrics';

describe('metrics of a process with several threads', () => {
  it("adds another thread's counters to this thread's, by name and labels", async () => {
    platformRequests.inc({ platform: 'slack', status: '200' }, 2);
    const other = (await ownCounters()).map((metric) =>
      metric.name === 'atlas_platform_requests_total'
        ? { ...metric, values: [{ labels: { platform: 'slack', status: '200' }, value: 5 }] }
        : metric,
    );
    const remove = addThreadMetrics(async () => other);
    try {
      const text = await (await processMetricsOfAllThreads()).metrics();
      expect(text).toContain('atlas_platform_requests_total{platform="slack",status="200"} 7');
      // Node's own metrics come from this thread alone: the process's memory is not counted twice.
      expect(text.match(/^process_resident_memory_bytes /gm)).toHaveLength(1);
    } finally {
      remove();
    }
  });

  it("gives only this thread's atlas_* counters to the thread that serves /metrics", async () => {
    const names = (await ownCounters()).map((metric) => metric.name);
    expect(names).toContain('atlas_platform_requests_total');
    expect(names.filter((name) => !name.startsWith('atlas_'))).toEqual([]);
  });
});
