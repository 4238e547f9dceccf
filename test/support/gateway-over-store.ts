import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '@atlas/config';
import { configureHttp, GatewayModule } from '@atlas/gateway';
import { Runtime, RuntimeModule } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { ApiClient } from './api-client';
import { freePort } from './free-port';

export const SEEDED_API_KEY = 'seeded-key-0123456789abcdef';

export interface GatewayOverStore {
  api: ApiClient;
  close(): Promise<void>;
}

/**
 * The REST gateway alone, reading a store a test filled itself: for read endpoints, whose answers depend on the
 * read models only. There is no NATS: the event log is an empty object, so anything that would use it fails.
 */
export async function startGatewayOverStore(store: ReadModelStore, dataDir: string): Promise<GatewayOverStore> {
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    ATLAS_DATA_DIR: dataDir,
    ATLAS_API_KEYS: SEEDED_API_KEY,
    ATLAS_DEMO: 'false',
  });
  const runtime = {
    config,
    secrets: { apiKeys: [SEEDED_API_KEY], secretKey: randomBytes(32), generatedApiKey: null },
    nats: {},
    js: {},
    jsm: {},
    events: {},
    store,
    close: async () => undefined,
  } as unknown as Runtime;

  @Module({ imports: [RuntimeModule.forRoot(runtime), GatewayModule] })
  class ReadOnlyGatewayModule {}

  const app = await NestFactory.create(ReadOnlyGatewayModule, { logger: false, bodyParser: false });
  configureHttp(app);
  await app.listen(port);
  return { api: new ApiClient(`http://127.0.0.1:${port}`, SEEDED_API_KEY), close: () => app.close() };
}
