import { Controller, Get, Headers, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AtlasConfig } from '@atlas/config';
import { ATLAS_CONFIG } from '@atlas/runtime';
import { ApiErrors, ApiKeyRequired } from '../http/api-answers';
import { API_KEY_ID } from '../http/api-key.middleware';
import { ErrorEnvelope } from '../http/error-envelope';
import { SseConnection } from './sse-connection';
import { SyncEventsQuery, SyncEventsTokenView } from './sync-events.dto';
import { SyncEventsService } from './sync-events.service';
import { SyncEventsTokens } from './sync-events-tokens';

/** Live progress of syncs over Server-Sent Events (docs/LIVE-PROGRESS.md). */
@ApiKeyRequired()
@Controller('api/sync/events')
export class SyncEventsController {
  constructor(
    private readonly events: SyncEventsService,
    private readonly tokens: SyncEventsTokens,
    @Inject(ATLAS_CONFIG) private readonly config: AtlasConfig,
  ) {}

  /** A stream of one job (`job_id`), of one channel's jobs (`channel_id`), or of every channel (neither). */
  @Get()
  @ApiOperation({
    summary: 'Live progress as Server-Sent Events: of one job, one channel, or every channel (no parameters)',
    description:
      'Event types: `status` (the status object of GET /api/sync/status, coalesced), `stage` (the current stage ' +
      'changed), `waiting` (a retry or a platform rate limit: `retrying_at`, `wait_seconds`), `finished` (the final ' +
      'status). A new stream starts with the current status; event ids are log sequences, to resume with ' +
      'Last-Event-ID. Comment lines are heartbeats. Opens with the key, or with `?token=` (docs/LIVE-PROGRESS.md).',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event id' })
  @ApiOkResponse({
    description: 'The event stream (text/event-stream): `status`, `stage`, `waiting` and `finished` events',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiErrors({ 400: ['VALIDATION_ERROR'], 404: ['CHANNEL_NOT_FOUND', 'JOB_NOT_FOUND'] })
  @ApiResponse({
    status: 429,
    description:
      '`RATE_LIMIT`: too many requests with this API key (Retry-After), or `TOO_MANY_STREAMS`: the key holds ' +
      'ATLAS_SSE_MAX_STREAMS_PER_KEY streams open on this gateway (`details.limit`)',
    type: ErrorEnvelope,
    headers: { 'Retry-After': { description: 'With RATE_LIMIT: seconds to wait', schema: { type: 'integer' } } },
  })
  async stream(
    @Query() query: SyncEventsQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // Everything is checked before the stream opens: a refusal is an answer in the error envelope.
    const release = this.events.reserve(response.locals[API_KEY_ID] as string);
    try {
      const scope = await this.events.scope(query, lastEventId);
      const connection = new SseConnection(request, response, this.config.syncEvents.heartbeatSeconds);
      await this.events.stream(scope, connection);
    } finally {
      release();
    }
  }

  /** A short-lived token that opens the stream as `?token=`, for EventSource, which cannot send the key. */
  @Post('token')
  @HttpCode(201)
  @ApiOperation({ summary: 'A short-lived token that opens GET /api/sync/events as `?token=` (for EventSource)' })
  @ApiCreatedResponse({ type: SyncEventsTokenView })
  token(@Res({ passthrough: true }) response: Response): SyncEventsTokenView {
    return this.tokens.issue(response.locals[API_KEY_ID] as string);
  }
}
