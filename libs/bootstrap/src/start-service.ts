import { INestApplication, Logger, LoggerService, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdirSync } from 'node:fs';
import { loadConfig, resolveSecrets } from '@atlas/config';
import { ConnectionsService, configureHttp } from '@atlas/gateway';
import { JetStreamTransport, PassThroughRpcFilter } from '@atlas/messaging';
import type { ReadModelStore } from '@atlas/store';
import { consumerSpec, createLogger, createRuntime, Runtime, RuntimeModule, WORKER } from '@atlas/runtime';
import { registerDemoConnection } from './demo-connection';
import { serveMetricsPortIfAsked } from './metrics-port';
import { startLocalNatsIfMissing } from './nats-autostart';
import { poisonRecorder } from './poison-recorder';
import { SERVICE_PLANS, ServiceName, ServicePlan } from './service-plans';

export interface RunningService {
  name: string;
  runtime: Runtime;
  app: INestApplication;
  /** Base URL of the HTTP API, for services that serve one. */
  url: string | null;
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
    logger?: LoggerService | false;
    /** A store already open in this process, to share instead of opening another (tests). */
    store?: ReadModelStore;
  } = {},
): Promise<RunningService> {
  const plan = typeof service === 'string' ? SERVICE_PLANS[service] : service;
  const config = loadConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger(config, plan.name);
  // Everything logged from here on, before Nest is up too (starting NATS), uses the configured format.
  if (logger) Logger.overrideLogger(logger);
  mkdirSync(config.dataDir, { recursive: true });
  mkdirSync(config.importDir, { recursive: true });
  const secrets = resolveSecrets(config, plan.secrets);
  const stopNats = plan.demo ? await startLocalNatsIfMissing(config) : null;
  const runtime = await createRuntime(config, secrets, plan.name, options.store);

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
  let url: string | null = null;
  if (plan.http) {
    configureHttp(app);
    await app.listen(config.port);
    url = `http://127.0.0.1:${config.port}`;
  } else {
    await app.init();
  }
  if (plan.demo && config.demo) await registerDemoConnection(app.get(ConnectionsService), config);
  const metricsServer = await serveMetricsPortIfAsked(plan, config, secrets);

  return {
    name: plan.name,
    runtime,
    app,
    url,
    generatedApiKey: secrets.generatedApiKey,
    async close() {
      await metricsServer?.close();
      await app.close();
      await runtime.close();
      await stopNats?.();
    },
  };
}
