import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_SCHEME } from './api-answers';

/** Where the gateway serves its OpenAPI document and Swagger UI: without the API key (see gateway.module.ts). */
export const OPENAPI_DOCUMENT_PATH = 'api/openapi.json';
export const API_DOCS_PATH = 'api/docs';

/** The version of the API's contract, not of the product: it changes when a client would have to. */
const API_VERSION = '1.0.0';

/**
 * The OpenAPI 3.1 document of the gateway, read from its controllers and DTOs (@nestjs/swagger). It needs
 * a created Nest app (modules resolved), not a listening one.
 */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Atlas Sync API')
    .setDescription(
      'Trigger and monitor message synchronization from connected chat platforms, and read the knowledge ' +
        'extracted from them (facts, graph, wiki). Every error answer is `{"error": {"code", "message", "details"}}`.',
    )
    .setVersion(API_VERSION)
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'API key',
        description: 'An API key of ATLAS_API_KEYS (or the one `npm start` printed)',
      },
      API_KEY_SCHEME,
    )
    .build();
  return SwaggerModule.createDocument(app, config, {
    // `Sync_trigger` rather than `SyncController_trigger`: the names the typed client shows.
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
}

/** Serves the document as JSON and Swagger UI over it, built once at start. */
export function serveApiDocs(app: INestApplication): void {
  SwaggerModule.setup(API_DOCS_PATH, app, buildApiDocument(app), {
    jsonDocumentUrl: OPENAPI_DOCUMENT_PATH,
    raw: ['json'],
    customSiteTitle: 'Atlas Sync API',
    // The default would have the browser send the document to validator.swagger.io for a badge.
    swaggerOptions: { validatorUrl: null },
  });
}
