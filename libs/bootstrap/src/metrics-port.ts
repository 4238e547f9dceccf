import { AtlasConfig, ConfigError, ResolvedSecrets } from '@atlas/config';
import { MetricsGate, MetricsServer, serveProcessMetrics } from '@atlas/metrics';
import type { ServicePlan } from './service-plans';

/**
 * A service without an HTTP API serves its own /metrics on ATLAS_METRICS_PORT when that is set: what it
 * counts in its process (platform requests in a fetcher, Node's metrics) is in no other process's registry.
 * A service with an API serves them at its /metrics already.
 */
export async function serveMetricsPortIfAsked(
  plan: ServicePlan,
  config: AtlasConfig,
  secrets: ResolvedSecrets,
): Promise<MetricsServer | null> {
  if (plan.http || config.metrics.port === null) return null;
  if (!config.metrics.public && config.metrics.token === null && secrets.apiKeys.length === 0) {
    throw new ConfigError([
      `ATLAS_METRICS_PORT is set but the ${plan.name} has no key to check a scraper's against: set ATLAS_METRICS_TOKEN, ATLAS_API_KEYS or ATLAS_METRICS_PUBLIC=true`,
    ]);
  }
  return serveProcessMetrics(
    config.metrics.port,
    config.bindHost,
    new MetricsGate({ ...config.metrics, apiKeys: secrets.apiKeys }),
  );
}
