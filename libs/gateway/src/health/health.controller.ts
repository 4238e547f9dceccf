import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { NatsConnection } from '@nats-io/transport-node';
import { EventStore } from '@atlas/messaging';
import { Projector } from '@atlas/read-models';
import { NATS_CONNECTION, READ_MODEL_STORE } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { ApiKeys } from '../http/api-keys';
import { NO_RATE_LIMITS } from '../http/rate-limit';
import { HealthView } from './health-view';

/**
 * The one endpoint that answers without an API key: is this gateway able to serve? Without a key it says
 * only `ok` or `degraded` (200 or 503); with a valid key it adds what it checked: NATS, the store, the lag.
 */
@Controller()
@SkipThrottle(NO_RATE_LIMITS)
export class HealthController {
  constructor(
    private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly keys: ApiKeys,
  ) {}

  @Get('health')
  @ApiOperation({ summary: 'Can this gateway serve? Without a key only `status`; with one, what it checked' })
  @ApiOkResponse({ type: HealthView, description: 'ok' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'degraded: NATS, the event log or the store fails' })
  async health(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<HealthView> {
    const [log, position, store] = await Promise.all([
      this.events.lastSequence().catch(() => null),
      new Projector(this.store).position().catch(() => null),
      this.store.ping().then(
        () => 'ok',
        () => 'unreachable',
      ),
    ]);
    const healthy = !this.nats.isClosed() && log !== null && store === 'ok';
    response.status(healthy ? 200 : 503);
    const status = healthy ? 'ok' : 'degraded';
    if (this.keys.presentedBy(request) === null) return { status };
    return {
      status,
      nats: this.nats.isClosed() ? 'closed' : 'connected',
      store: { kind: this.store.kind, status: store },
      projection: { position, log_position: log, lag: log !== null && position !== null ? log - position : null },
    };
  }
}
