import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EVENT_TYPES } from '@atlas/events';
import type { AtlasEvent } from '@atlas/events';
import { JetStreamEventContext, OnEvent } from '@atlas/messaging';
import { Projector } from '@atlas/read-models';
import { READ_MODEL_STORE, WORKER } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';

/** Folds every event of the log into the read models, in order (its consumer holds one message at a time). */
@Controller()
export class ProjectorHandler {
  private readonly projector: Projector;

  constructor(@Inject(READ_MODEL_STORE) store: ReadModelStore) {
    this.projector = new Projector(store);
  }

  @OnEvent(EVENT_TYPES, WORKER.projector)
  async onEvent(@Payload() event: AtlasEvent, @Ctx() context: JetStreamEventContext): Promise<void> {
    await this.projector.apply({ seq: context.seq, subject: context.subject, event });
  }
}
