import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MetricsGate, METRICS_UNAUTHORIZED } from './metrics-gate';
import { processMetrics } from './process-metrics';

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * `GET /metrics` of a service that has no HTTP API of its own (a fetcher, an extractor...), on a port of
 * its own (ATLAS_METRICS_PORT): what this process counted (platform requests, Node's metrics). The
 * deployment-wide metrics are the gateway's: they come from the read models and JetStream.
 */
export async function serveProcessMetrics(port: number, host: string, gate: MetricsGate): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://metrics').pathname;
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Only GET /metrics is served here.', details: {} } }),
      );
      return;
    }
    if (!gate.allows(request.headers.authorization)) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify(METRICS_UNAUTHORIZED));
      return;
    }
    processMetrics.metrics().then(
      (text) => {
        response.writeHead(200, { 'content-type': processMetrics.contentType });
        response.end(text);
      },
      () => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ error: { code: 'INTERNAL_ERROR', message: 'Metrics could not be read.', details: {} } }),
        );
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
