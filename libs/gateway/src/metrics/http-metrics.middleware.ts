import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';
import { processMetrics } from '@atlas/metrics';

const httpRequestDuration = new Histogram({
  name: 'atlas_http_request_duration_seconds',
  help: 'HTTP requests this gateway answered, by method, route pattern ("unmatched": no route, or refused before routing) and status.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [processMetrics],
});

/**
 * Times every request from before the key check to the end of its answer. The route is the pattern the
 * router matched (`/api/sync/jobs/:job_id`), never the raw URL: ids in paths would make a series per job.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const stop = httpRequestDuration.startTimer();
    // Express mounts middleware as routes too (`/*path`): a request that ends still showing that pattern
    // was answered by a middleware (a refused key) or by nobody (no route), not by a route's handler.
    const middlewarePattern = routePattern(request);
    // 'close' comes for finished answers and for clients that went away mid-answer alike.
    response.once('close', () => {
      const route = routePattern(request);
      stop({
        method: request.method,
        route: route === null || route === middlewarePattern ? 'unmatched' : route,
        status: String(response.statusCode),
      });
    });
    next();
  }
}

function routePattern(request: Request): string | null {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : null;
}
