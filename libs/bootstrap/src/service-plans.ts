import { DynamicModule, Type } from '@nestjs/common';
import { GatewayModule } from '@atlas/gateway';
import { ProjectorModule } from '@atlas/projector';
import type { WorkerName } from '@atlas/runtime';
import { DispatcherModule, SchedulingModule } from '@atlas/scheduler';
import { ExtractorModule, FetcherModule, GraphBuilderModule, WikiGeneratorModule } from '@atlas/stages';
import { WebhooksModule } from '@atlas/webhooks';

/** What one process runs: its Nest modules, its event workers, whether it serves HTTP, which secrets it needs. */
export interface ServicePlan {
  name: string;
  modules: Array<Type | DynamicModule>;
  workers: WorkerName[];
  http: boolean;
  secrets: { generateMissing: boolean; needApiKeys: boolean; needSecretKey: boolean };
  /** Register the demo export (the all-in-one does, so a first sync works offline). */
  demo: boolean;
  /** A plan this process runs beside its own on a worker thread (service-thread.ts), sharing nothing but NATS and the store. */
  thread?: string;
}

const alone = { generateMissing: false, needApiKeys: false, needSecretKey: false };

export const SERVICE_PLANS = {
  gateway: {
    name: 'gateway',
    modules: [GatewayModule],
    workers: [],
    http: true,
    secrets: { ...alone, needApiKeys: true, needSecretKey: true },
    demo: false,
  },
  scheduler: {
    name: 'scheduler',
    modules: [SchedulingModule, DispatcherModule],
    workers: ['dispatcher'],
    http: false,
    secrets: alone,
    demo: false,
  },
  fetcher: {
    name: 'fetcher',
    modules: [FetcherModule],
    workers: ['fetcher'],
    http: false,
    secrets: { ...alone, needSecretKey: true },
    demo: false,
  },
  extractor: {
    name: 'extractor',
    modules: [ExtractorModule],
    workers: ['extractor'],
    http: false,
    secrets: alone,
    demo: false,
  },
  'graph-builder': {
    name: 'graph-builder',
    modules: [GraphBuilderModule],
    workers: ['graph-builder'],
    http: false,
    secrets: alone,
    demo: false,
  },
  'wiki-generator': {
    name: 'wiki-generator',
    modules: [WikiGeneratorModule],
    workers: ['wiki-generator'],
    http: false,
    secrets: alone,
    demo: false,
  },
  projector: {
    name: 'projector',
    modules: [ProjectorModule],
    workers: ['projector'],
    http: false,
    secrets: alone,
    demo: false,
  },
  // Opens the webhooks' sealed signing secrets, so it needs the credentials key.
  webhooks: {
    name: 'webhooks',
    modules: [WebhooksModule],
    workers: ['webhook-fanout', 'webhook-delivery'],
    http: false,
    secrets: { ...alone, needSecretKey: true },
    demo: false,
  },
  // The all-in-one's second thread: everything that folds or transforms the event log, so the API's thread
  // only answers requests, fires schedules and fetches.
  pipeline: {
    name: 'pipeline',
    modules: [
      ProjectorModule,
      DispatcherModule,
      ExtractorModule,
      GraphBuilderModule,
      WikiGeneratorModule,
      WebhooksModule,
    ],
    workers: [
      'projector',
      'dispatcher',
      'extractor',
      'graph-builder',
      'wiki-generator',
      'webhook-fanout',
      'webhook-delivery',
    ],
    http: false,
    secrets: { ...alone, needSecretKey: true },
    demo: false,
  },
  // Platform requests stay on the API's thread: what they count belongs in the /metrics it serves.
  atlas: {
    name: 'atlas',
    modules: [GatewayModule, SchedulingModule, FetcherModule],
    workers: ['fetcher'],
    http: true,
    secrets: { generateMissing: true, needApiKeys: true, needSecretKey: true },
    demo: true,
    thread: 'pipeline',
  },
} satisfies Record<string, ServicePlan>;

export type ServiceName = keyof typeof SERVICE_PLANS;

export function isServiceName(name: string): name is ServiceName {
  return Object.hasOwn(SERVICE_PLANS, name);
}

/** A plan with the plan of its thread merged in: all of it on one event loop (tests take parts out of it). */
export function onOneThread(plan: ServicePlan): ServicePlan {
  if (plan.thread === undefined) return plan;
  if (!isServiceName(plan.thread)) throw new Error(`no service plan is called "${plan.thread}"`);
  const beside: ServicePlan = SERVICE_PLANS[plan.thread];
  return {
    ...plan,
    modules: [...plan.modules, ...beside.modules],
    workers: [...plan.workers, ...beside.workers],
    thread: undefined,
  };
}
