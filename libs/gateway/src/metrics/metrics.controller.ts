import { Controller, Get, Req, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Registry } from 'prom-client';
import { METRICS_UNAUTHORIZED, processMetrics } from '@atlas/metrics';
import { NO_RATE_LIMITS } from '../http/rate-limit';
import { clusterMetrics } from './cluster-metrics';
import { ClusterSnapshots } from './cluster-snapshot';
import { MetricsAccess } from './metrics-access';

/**
 * Prometheus metrics: the deployment-wide ones (jobs, totals, stage durations, consumers, projection lag)
 * followed by this process's own (HTTP requests, platform requests, Node's). Its own access rule
 * (MetricsAccess) instead of the API-key middleware's, and outside the per-key rate limits: a scraper is
 * not an API client.
 */
@Controller()
@SkipThrottle(NO_RATE_LIMITS)
export class MetricsController {
  constructor(
    private readonly access: MetricsAccess,
    private readonly snapshots: ClusterSnapshots,
  ) {}

  @Get('metrics')
  async metrics(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.access.allows(request)) {
      response.status(401).json(METRICS_UNAUTHORIZED);
      return;
    }
    const cluster = clusterMetrics(await this.snapshots.read());
    const text = await Registry.merge([cluster, processMetrics]).metrics();
    response.status(200).type(processMetrics.contentType).send(text);
  }
}
