import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AtlasConfig } from '@atlas/config';
import { ATLAS_CONFIG } from '@atlas/runtime';
import { ChannelsController, ConnectionsController } from './connections/connections.controller';
import { ConnectionUpdatesService } from './connections/connection-updates.service';
import { ConnectionsService } from './connections/connections.service';
import { PlatformProbe } from './connections/platform-probe';
import { WikiExportController } from './export/wiki-export.controller';
import { WikiExportService } from './export/wiki-export.service';
import { McpController } from './mcp/mcp.controller';
import { McpService } from './mcp/mcp.service';
import { HealthController } from './health/health.controller';
import { API_DOCS_PATH, OPENAPI_DOCUMENT_PATH } from './http/api-docs';
import { ApiKeyMiddleware } from './http/api-key.middleware';
import { ApiKeys } from './http/api-keys';
import { ErrorEnvelopeFilter } from './http/error-envelope';
import { RateLimitGuard, rateLimitOptions } from './http/rate-limit';
import { createValidationPipe } from './http/validation';
import { ImportsController } from './imports/imports.controller';
import { FactViewsService } from './knowledge/fact-views.service';
import { FactsController } from './knowledge/facts.controller';
import { FactsService } from './knowledge/facts.service';
import { GraphController } from './knowledge/graph.controller';
import { GraphService } from './knowledge/graph.service';
import { MessagesController } from './knowledge/messages.controller';
import { MessagesService } from './knowledge/messages.service';
import { WikiController } from './knowledge/wiki.controller';
import { WikiService } from './knowledge/wiki.service';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { METRICS_ROUTE, MetricsModule } from './metrics/metrics.module';
import { ImportsService } from './imports/imports.service';
import { UploadErrorsInterceptor } from './imports/upload-errors.interceptor';
import { uploadOptions } from './imports/upload-storage';
import { SchedulesController } from './schedules/schedules.controller';
import { AskController } from './ask/ask.controller';
import { AskService } from './ask/ask.service';
import { SearchController } from './search/search.controller';
import { SearchService } from './search/search.service';
import { SchedulesService } from './schedules/schedules.service';
import { ProjectionWatch } from './sync/projection-watch';
import { SyncController } from './sync/sync.controller';
import { SyncService } from './sync/sync.service';
import { SyncEventsController } from './sync/sync-events.controller';
import { SyncEventsService } from './sync/sync-events.service';
import { SyncEventsTokens } from './sync/sync-events-tokens';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

/**
 * The REST gateway: the Sync API, connections, channels, file imports, the knowledge read API (facts, graph,
 * wiki) and webhooks, behind API keys with per-key rate limits and one error envelope.
 */
@Module({
  imports: [
    MulterModule.registerAsync({ useFactory: (config: AtlasConfig) => uploadOptions(config), inject: [ATLAS_CONFIG] }),
    ThrottlerModule.forRootAsync({ useFactory: rateLimitOptions, inject: [ATLAS_CONFIG] }),
    MetricsModule,
  ],
  controllers: [
    SchedulesController,
    SyncController,
    SyncEventsController,
    ConnectionsController,
    ChannelsController,
    ImportsController,
    FactsController,
    GraphController,
    MessagesController,
    WikiController,
    WikiExportController,
    McpController,
    SearchController,
    AskController,
    WebhooksController,
    HealthController,
  ],
  providers: [
    SyncService,
    SyncEventsService,
    SyncEventsTokens,
    ProjectionWatch,
    SchedulesService,
    ConnectionsService,
    ImportsService,
    UploadErrorsInterceptor,
    ConnectionUpdatesService,
    PlatformProbe,
    FactsService,
    GraphService,
    MessagesService,
    WikiService,
    WikiExportService,
    McpService,
    FactViewsService,
    SearchService,
    AskService,
    WebhooksService,
    ApiKeys,
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ErrorEnvelopeFilter },
  ],
  exports: [ConnectionsService, SearchService, AskService],
})
export class GatewayModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
    consumer
      .apply(ApiKeyMiddleware)
      // The API's description is public: it holds no data, and a client needs it before it has a key.
      .exclude(
        { path: 'health', method: RequestMethod.GET },
        { path: METRICS_ROUTE, method: RequestMethod.GET },
        { path: OPENAPI_DOCUMENT_PATH, method: RequestMethod.GET },
        { path: API_DOCS_PATH, method: RequestMethod.GET },
        { path: `${API_DOCS_PATH}/*path`, method: RequestMethod.GET },
      )
      .forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
