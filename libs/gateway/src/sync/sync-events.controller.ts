import { Controller, Get, Headers, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AtlasConfig } from '@atlas/config';
import { ATLAS_CONFIG } from '@atlas/runtime';
import { API_KEY_ID } from '../http/api-key.middleware';
import { ApiErrors, ApiKeyRequired } from '../http/api-answers';
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
    summary: 'Stream live progress of one job, one channel or every channel (Server-Sent Events)',
    description:
      'Events `status` (the GET /api/sync/status object), `stage`, `waiting` (a rate-limit or retry wait) and `finished`; ' +
      'each `id` is a log sequence to resume from with Last-Event-ID; comment lines are heartbeats. The key may be a ' +
      '`token` from POST /api/sync/events/token instead of the Authorization header (docs/LIVE-PROGRESS.md).',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event id' })
  @ApiResponse({
    status: 200,
    description: 'An open event stream',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiErrors({ 400: ['VALIDATION_ERROR'], 404: ['CHANNEL_NOT_FOUND', 'JOB_NOT_FOUND'] })
  @ApiResponse({
    status: 429,
    description:
      "`RATE_LIMIT`: this API key's request limit (Retry-After header); `TOO_MANY_STREAMS`: the key has as many streams open as ATLAS_SSE_MAX_STREAMS_PER_KEY allows",
    type: ErrorEnvelope,
    headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } },
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
  @ApiOperation({ summary: 'A short-lived token that opens the event stream as ?token= (for EventSource)' })
  @ApiCreatedResponse({ type: SyncEventsTokenView })
  token(@Res({ passthrough: true }) response: Response): SyncEventsTokenView {
    return this.tokens.issue(response.locals[API_KEY_ID] as string);
  }
}
