import { Controller, Get, Headers, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AtlasConfig } from '@atlas/config';
import { ATLAS_CONFIG } from '@atlas/runtime';
import { API_KEY_ID } from '../http/api-key.middleware';
import { SseConnection } from './sse-connection';
import { SyncEventsQuery } from './sync-events.dto';
import { SyncEventsService } from './sync-events.service';
import { SyncEventsTokens } from './sync-events-tokens';

/** Live progress of syncs over Server-Sent Events (docs/LIVE-PROGRESS.md). */
@Controller('api/sync/events')
export class SyncEventsController {
  constructor(
    private readonly events: SyncEventsService,
    private readonly tokens: SyncEventsTokens,
    @Inject(ATLAS_CONFIG) private readonly config: AtlasConfig,
  ) {}

  /** A stream of one job (`job_id`), of one channel's jobs (`channel_id`), or of every channel (neither). */
  @Get()
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
  token(@Res({ passthrough: true }) response: Response): { token: string; expires_at: string } {
    return this.tokens.issue(response.locals[API_KEY_ID] as string);
  }
}
