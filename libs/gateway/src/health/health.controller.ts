import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { NatsConnection } from '@nats-io/transport-node';
import { EventStore } from '@atlas/messaging';
import { Projector } from '@atlas/read-models';
import { NATS_CONNECTION, READ_MODEL_STORE } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';

/** The one endpoint that answers without an API key: is this gateway able to serve? */
@Controller()
export class HealthController {
  constructor(
    private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
  ) {}

  @Get('health')
  async health(@Res({ passthrough: true }) response: Response) {
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
    return {
      status: healthy ? 'ok' : 'degraded',
      nats: this.nats.isClosed() ? 'closed' : 'connected',
      store: { kind: this.store.kind, status: store },
      projection: { position, log_position: log, lag: log !== null && position !== null ? log - position : null },
    };
  }
}
