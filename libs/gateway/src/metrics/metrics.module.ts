import { Module } from '@nestjs/common';
import { ClusterSnapshots } from './cluster-snapshot';
import { MetricsAccess } from './metrics-access';
import { MetricsController } from './metrics.controller';

/** `GET /metrics` in Prometheus' text format (docs/OPERATIONS.md "Metrics"). */
@Module({
  controllers: [MetricsController],
  providers: [MetricsAccess, ClusterSnapshots],
})
export class MetricsModule {}

/** The route, for the API-key middleware to leave to MetricsAccess. */
export const METRICS_ROUTE = 'metrics';
