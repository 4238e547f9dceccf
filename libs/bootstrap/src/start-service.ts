import { INestApplication, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdirSync } from 'node:fs';
import { AtlasConfig, loadConfig, ResolvedSecrets, resolveSecrets } from '@atlas/config';
import { ConnectionsService, configureHttp, requestLogging } from '@atlas/gateway';
import { JetStreamTransport, PassThroughRpcFilter } from '@atlas/messaging';
import type { ReadModelStore } from '@atlas/store';
import {
  AtlasLogger,
  consumerSpec,
  createLogger,
  createRuntime,
  LogDestination,
  Runtime,
  RuntimeModule,
  WORKER,
} from '@atlas/runtime';
import { listeningAddress, ListeningAddress } from './listening-address';
import { registerDemoConnection } from './demo-connection';
import { serveMetricsPortIfAsked } from './metrics-port';
import { startLocalNatsIfMissing } from './nats-autostart';
import { poisonRecorder } from './poison-recorder';
import { SERVICE_PLANS, ServiceName, ServicePlan } from './service-plans';
import { startServiceThread, ThreadCrashHandler } from './service-thread';

export interface RunningService {
  name: string;
  runtime: Runtime;
  app: INestApplication;
  /** Base URL of the HTTP API, for services that serve one: one a client on this machine can use. */
  url: string | null;
  /** Where the HTTP server listens, as the socket says (ATLAS_BIND_HOST), for services that serve one. */
  listening: ListeningAddress | null;
  /** The API key this start generated (all-in-one mode without ATLAS_API_KEYS), to show once. */
  generatedApiKey: string | null;
  close(): Promise<void>;
}

/**
 * Starts one service (or the all-in-one) in this process: reads and validates the configuration,
 * connects NATS and the read-model store, wires the plan's modules and one JetStream transport per
 * event worker, then serves HTTP when the plan has an API.
 */
export async function startService(
  service: ServiceName | ServicePlan,
  options: {
    env?: NodeJS.ProcessEnv;
    /** Where log lines go (process.stdout by default); tests pass a stream to read them. */
    logDestination?: LogDestination;
    /** A store already open in this process, to share instead of opening another (tests). */
    store?: ReadModelStore;
    /** The service name log lines carry (the plan's unless said). */
    logService?: string;
    /** The plan runs on a thread of a process whose main thread serves HTTP (service-thread.ts): no metrics port of its own. */
    onThread?: boolean;
    /** How the process ends when the plan's thread crashes (run-service.ts); thrown on this thread without it. */
    onThreadCrash?: ThreadCrashHandler;
  } = {},
): Promise<RunningService> {
  const plan: ServicePlan = typeof service === 'string' ? SERVICE_PLANS[service] : service;
  const env = options.env ?? process.env;
  const config = loadConfig(env);
  const logger = createLogger(config, options.logService ?? plan.name, options.logDestination);
  // Everything logged from here on, before Nest is up too (starting NATS), uses the configured format.
  Logger.overrideLogger(logger);
  mkdirSync(config.dataDir, { recursive: true });
  mkdirSync(config.importDir, { recursive: true });
  const secrets = resolveSecrets(config, plan.secrets);
  const stopNats = plan.demo ? await startLocalNatsIfMissing(config) : null;
  const runtime = await createRuntime(config, secrets, plan.name, options.store);
  // The runtime made the stream and the store's tables: the thread starts beside this thread's modules.
  const starting = plan.thread
    ? startServiceThread(
        { service: plan.thread, env: { ...env }, logService: plan.name },
        { logDestination: options.logDestination, onCrash: options.onThreadCrash },
      )
    : Promise.resolve(null);
  // Neither half is left running when the other fails to start.
  const [nest, thread] = await Promise.allSettled([
    startNest(plan, runtime, config, secrets, logger, options),
    starting,
  ]);
  if (nest.status === 'rejected' || thread.status === 'rejected') {
    if (nest.status === 'fulfilled') await nest.value.close();
    if (thread.status === 'fulfilled') await thread.value?.close();
    await runtime.close();
    await stopNats?.();
    throw nest.status === 'rejected' ? nest.reason : (thread as PromiseRejectedResult).reason;
  }
  const { app, listening } = nest.value;

  return {
    name: plan.name,
    runtime,
    app,
    url: listening?.url ?? null,
    listening,
    generatedApiKey: secrets.generatedApiKey,
    async close() {
      await nest.value.close();
      await thread.value?.close();
      await runtime.close();
      await stopNats?.();
    },
  };
}

/** The plan's Nest modules with one JetStream transport per event worker, serving HTTP when the plan has an API. */
async function startNest(
  plan: ServicePlan,
  runtime: Runtime,
  config: AtlasConfig,
  secrets: ResolvedSecrets,
  logger: AtlasLogger,
  options: { onThread?: boolean },
): Promise<{ app: INestApplication; listening: ListeningAddress | null; close(): Promise<void> }> {
  @Module({ imports: [RuntimeModule.forRoot(runtime), ...plan.modules] })
  class ServiceModule {}

  const app = await NestFactory.create(ServiceModule, {
    logger,
    bodyParser: false,
  });
  for (const worker of plan.workers) {
    const microservice = app.connectMicroservice(
      {
        strategy: new JetStreamTransport({
          transportId: WORKER[worker],
          consumer: consumerSpec(worker, config),
          js: runtime.js,
          jsm: runtime.jsm,
          decoded: runtime.events.decoded,
          onPoison: poisonRecorder(worker, runtime),
        }),
      },
      // Filters must be in place before the handlers are registered.
      { deferInitialization: true },
    );
    microservice.useGlobalFilters(new PassThroughRpcFilter());
  }
  await app.startAllMicroservices();
  let listening: ListeningAddress | null = null;
  if (plan.http) {
    // First of all the middleware: every answer, a refused one too, gets its request id.
    app.use(requestLogging(logger.pino));
    configureHttp(app);
    await app.listen(config.port, config.bindHost);
    listening = listeningAddress(app.getHttpServer());
  } else {
    await app.init();
  }
  if (plan.demo && config.demo) await registerDemoConnection(app.get(ConnectionsService), config);
  const metricsServer = options.onThread ? null : await serveMetricsPortIfAsked(plan, config, secrets);
  return {
    app,
    listening,
    async close() {
      await metricsServer?.close();
      await app.close();
    },
  };
}
