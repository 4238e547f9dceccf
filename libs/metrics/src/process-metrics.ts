import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

/**
 * What this process counts itself, as opposed to what is derived from the event log and the read models
 * at scrape time (libs/gateway/src/metrics): Node's own metrics (process_*, nodejs_*), the gateway's HTTP
 * requests, the platform requests of the connectors that run here. One registry per process, created
 * once however many services a process starts (the all-in-one, tests).
 */
export const processMetrics = new Registry();

collectDefaultMetrics({ register: processMetrics });

/** Every answer a platform gave (or a failure to get one), by platform and HTTP status ("error": none came). */
export const platformRequests = new Counter({
  name: 'atlas_platform_requests_total',
  help: 'Requests sent to chat platforms by this process, by platform and HTTP status ("error": no answer: network failure or timeout).',
  labelNames: ['platform', 'status'] as const,
  registers: [processMetrics],
});

export const platformRateLimited = new Counter({
  name: 'atlas_platform_rate_limited_total',
  help: 'HTTP 429 answers from chat platforms to this process, by platform.',
  labelNames: ['platform'] as const,
  registers: [processMetrics],
});

export const platformThrottleWait = new Counter({
  name: 'atlas_platform_throttle_wait_seconds_total',
  help: 'Seconds this process decided to wait because a platform throttled it (429, or a 503/504 naming a wait), by platform.',
  labelNames: ['platform'] as const,
  registers: [processMetrics],
});
