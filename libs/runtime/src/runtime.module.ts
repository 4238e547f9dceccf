import { DynamicModule, Global, Module } from '@nestjs/common';
import { EventStore } from '@atlas/messaging';
import {
  ChannelsQueries,
  ConnectionsQueries,
  GraphQueries,
  JobsQueries,
  KnowledgeQueries,
  KnowledgeReadQueries,
  SchedulesQueries,
  SearchQueries,
  WebhooksQueries,
} from '@atlas/read-models';
import { Runtime } from './runtime';
import { ATLAS_CONFIG, NATS_CONNECTION, READ_MODEL_STORE, SECRETS } from './tokens';

/** Makes the process's runtime injectable everywhere: config, event log, read-model store and queries. */
@Global()
@Module({})
export class RuntimeModule {
  static forRoot(runtime: Runtime): DynamicModule {
    const queries = [
      JobsQueries,
      ChannelsQueries,
      ConnectionsQueries,
      SchedulesQueries,
      KnowledgeQueries,
      GraphQueries,
      KnowledgeReadQueries,
      SearchQueries,
      WebhooksQueries,
    ].map((Query) => ({ provide: Query, useFactory: () => new Query(runtime.store) }));
    return {
      module: RuntimeModule,
      providers: [
        { provide: ATLAS_CONFIG, useValue: runtime.config },
        { provide: SECRETS, useValue: runtime.secrets },
        { provide: READ_MODEL_STORE, useValue: runtime.store },
        { provide: EventStore, useValue: runtime.events },
        { provide: NATS_CONNECTION, useValue: runtime.nats },
        ...queries,
      ],
      exports: [ATLAS_CONFIG, SECRETS, READ_MODEL_STORE, NATS_CONNECTION, EventStore, ...queries.map((q) => q.provide)],
    };
  }
}
