import { Controller, Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EVENT_TYPES } from '@atlas/events';
import type { AtlasEvent } from '@atlas/events';
import { JetStreamEventContext, OnEvent } from '@atlas/messaging';
import { fillSearchIndexIfEmpty, Projector } from '@atlas/read-models';
import { READ_MODEL_STORE, WORKER } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';

/** Folds every event of the log into the read models, in order (its consumer holds one message at a time). */
@Controller()
export class ProjectorHandler implements OnApplicationBootstrap {
  private readonly projector: Projector;
  private readonly logger = new Logger(ProjectorHandler.name);

  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {
    this.projector = new Projector(store);
  }

  /** A store written before the search index existed gets it once, from the documents it holds. */
  async onApplicationBootstrap(): Promise<void> {
    const written = await fillSearchIndexIfEmpty(this.store);
    if (written > 0) this.logger.log(`Filled the search index: ${written} entries from the stored knowledge`);
  }

  @OnEvent(EVENT_TYPES, WORKER.projector)
  async onEvent(@Payload() event: AtlasEvent, @Ctx() context: JetStreamEventContext): Promise<void> {
    await this.projector.apply({ seq: context.seq, subject: context.subject, event });
  }
}
