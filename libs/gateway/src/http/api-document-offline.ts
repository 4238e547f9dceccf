import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Runtime, RuntimeModule } from '@atlas/runtime';
import { GatewayModule } from '../gateway.module';
import { buildApiDocument } from './api-docs';

/**
 * The gateway's OpenAPI document without NATS, a store or a port: Nest's preview mode resolves the modules
 * without creating a provider, so nothing the runtime would hold is ever used. The document is the one the
 * gateway serves (the same modules, the same builder); the e2e test of /api/openapi.json checks that.
 */
export async function buildApiDocumentOffline(): Promise<OpenAPIObject> {
  const unused = {} as Runtime;

  @Module({ imports: [RuntimeModule.forRoot(unused), GatewayModule] })
  class GatewayPreviewModule {}

  const app = await NestFactory.create(GatewayPreviewModule, { preview: true, logger: false, abortOnError: false });
  try {
    return buildApiDocument(app);
  } finally {
    await app.close();
  }
}
