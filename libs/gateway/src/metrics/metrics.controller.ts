import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Registry } from 'prom-client';
import { METRICS_UNAUTHORIZED, processMetrics } from '@atlas/metrics';
import { API_KEY_SCHEME } from '../http/api-answers';
import { ErrorEnvelope } from '../http/error-envelope';
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
  @ApiBearerAuth(API_KEY_SCHEME)
  @ApiOperation({
    summary: 'Prometheus metrics of the deployment and of this process (docs/OPERATIONS.md#metrics)',
    description:
      'An API key, or ATLAS_METRICS_TOKEN as the bearer token; no key at all with ATLAS_METRICS_PUBLIC=true. Never rate limited.',
  })
  @ApiResponse({
    status: 200,
    description: 'The Prometheus text format',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiResponse({ status: 401, description: '`UNAUTHORIZED`: no API key or metrics token', type: ErrorEnvelope })
  @ApiResponse({ status: 500, description: '`INTERNAL_ERROR`', type: ErrorEnvelope })
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
