import type { INestApplication } from '@nestjs/common';
import { METHODS } from 'node:http';
import openapiTS from 'openapi-typescript';
import { buildApiDocumentOffline } from '../../libs/gateway/src/http/api-document-offline';
import { AtlasHarness, startAtlas } from '../support/atlas-harness';

/**
 * The OpenAPI document against the product that serves it: every route the all-in-one registers is in it
 * with its answers, the routes answer the error codes it names, and it and Swagger UI are served without a key.
 */
const ENVELOPE = '#/components/schemas/ErrorEnvelope';
const DOCS_OWN_ROUTES = /^\/api\/(docs(\/|$)|openapi\.json$)/;

interface Operation {
  security?: Array<Record<string, string[]>>;
  responses: Record<
    string,
    { content?: Record<string, { schema?: { $ref?: string } }>; headers?: object; description: string }
  >;
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components: any };

/** `GET /api/wiki/{channel_id}` for each operation of the document. */
function documentedRoutes(document: Document): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/**
 * The routes express really has, as the document writes them: read from the router Nest filled, not from
 * its metadata. A route for every method is express's all(): how Nest binds a middleware (the API key
 * check, on /*path), listed apart.
 */
function registeredRoutes(app: INestApplication): { endpoints: string[]; allMethods: string[] } {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: any }> } };
  const routes = express.router.stack.flatMap(({ route }) =>
    route && typeof route.path === 'string' && !DOCS_OWN_ROUTES.test(route.path) ? [route] : [],
  );
  const isAll = (route: any) => METHODS.every((method) => route.methods[method.toLowerCase()]);
  return {
    endpoints: routes
      .filter((route) => !isAll(route))
      .flatMap((route) =>
        Object.keys(route.methods as Record<string, boolean>).map(
          (method) => `${method.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`,
        ),
      ),
    allMethods: routes.filter(isAll).map((route) => route.path),
  };
}

/** JSON nested deeper than the API takes (32 levels). */
function nested(depth: number): object {
  let value: object = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('the OpenAPI document', () => {
  let atlas: AtlasHarness;
  let document: Document;

  beforeAll(async () => {
    atlas = await startAtlas();
    const response = await fetch(`${atlas.api.baseUrl}/api/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    document = (await response.json()) as Document;
  }, 60_000);

  afterAll(async () => {
    await atlas?.close();
  });

  it('is served without a key, a valid OpenAPI 3.1 document: the one `npm run api:types` builds without a server', async () => {
    expect(document.openapi).toBe('3.1.0');
    // openapi-typescript lints it against the OpenAPI schema (Redocly) and throws on an error.
    await expect(openapiTS(structuredClone(document) as never, { silent: true })).resolves.toBeDefined();
    expect(document).toEqual(JSON.parse(JSON.stringify(await buildApiDocumentOffline())));
  }, 60_000);

  it('describes every route the gateway registers, and no other', () => {
    const { endpoints, allMethods } = registeredRoutes(atlas.service.app);
    // The enumeration itself must see the routes, or the comparison below would prove nothing.
    expect(endpoints).toEqual(expect.arrayContaining(['POST /api/sync', 'GET /health', 'POST /api/imports']));
    expect(documentedRoutes(document).sort()).toEqual(endpoints.sort());
    // Only middleware (the API key check, the HTTP metrics) answers every method; an @All() endpoint would
    // show here as another path, undocumented.
    expect([...new Set(allMethods)]).toEqual(['/*path']);
  });

  it('gives every operation its success answer, its errors in the envelope, and the API key but on /health', () => {
    for (const route of documentedRoutes(document)) {
      const [method, path] = route.split(' ');
      const operation = document.paths[path][method.toLowerCase()];
      const answers = Object.entries(operation.responses);
      const successes = answers.filter(([status]) => /^2\d\d$/.test(status));
      // MCP is stateless (docs/MCP.md): its GET and DELETE exist only to answer 405, as the protocol asks.
      const refusesOnly = route === 'GET /mcp' || route === 'DELETE /mcp';
      expect({ route, successes: successes.length > 0 }).toEqual({ route, successes: !refusesOnly });
      if (refusesOnly) expect(Object.keys(operation.responses)).toContain('405');
      for (const [status, answer] of successes) {
        // The event stream answers text/event-stream, metrics Prometheus text, the export a ZIP; the rest a
        // documented JSON view.
        const stream = answer.content?.['text/event-stream'] ?? answer.content?.['text/plain'];
        const zip = answer.content?.['application/zip']?.schema;
        // MCP accepts a notification with 202 and no body.
        if (route === 'POST /mcp' && status === '202') {
          expect(answer.content).toBeUndefined();
          continue;
        }
        expect({
          route,
          status,
          schema: stream ? 'text stream' : zip ? zip : answer.content?.['application/json']?.schema?.$ref,
        }).toEqual({
          route,
          status,
          schema:
            route === 'GET /api/sync/events' || route === 'GET /metrics'
              ? 'text stream'
              : route === 'GET /api/wiki/{channel_id}/export'
                ? { type: 'string', format: 'binary' }
                : expect.stringMatching(/^#\/components\/schemas\/\w+(View|Answer|Check)$/),
        });
      }
      const health = path === '/health';
      for (const [status, answer] of answers.filter(([code]) => /^[45]\d\d$/.test(code))) {
        const expected = health && status === '503' ? '#/components/schemas/HealthView' : ENVELOPE;
        expect({ route, status, schema: answer.content?.['application/json']?.schema?.$ref }).toEqual({
          route,
          status,
          schema: expected,
        });
      }
      if (health) {
        expect(operation.security).toBeUndefined();
        continue;
      }
      expect({ route, security: operation.security }).toEqual({ route, security: [{ api_key: [] }] });
      // A scraper is not an API client: metrics are never rate limited.
      const limited = path !== '/metrics';
      expect({ route, statuses: Object.keys(operation.responses) }).toEqual({
        route,
        statuses: expect.arrayContaining(limited ? ['401', '429', '500'] : ['401', '500']),
      });
      if (limited) expect(operation.responses['429'].headers).toHaveProperty('Retry-After');
    }
    expect(document.components.securitySchemes.api_key).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.schemas.ErrorBody.required).toEqual(['code', 'message', 'details']);
  });

  it.each([
    ['POST', '/api/sync', '/api/sync', {}, 400, 'VALIDATION_ERROR'],
    ['POST', '/api/sync', '/api/sync', { channel_id: 'C404' }, 404, 'CHANNEL_NOT_FOUND'],
    ['GET', '/api/sync/status?channel_id=C404', '/api/sync/status', undefined, 404, 'CHANNEL_NOT_FOUND'],
    ['GET', '/api/sync/history?channel_id=C404', '/api/sync/history', undefined, 404, 'CHANNEL_NOT_FOUND'],
    ['GET', '/api/sync/history?channel_id=C1&limit=0', '/api/sync/history', undefined, 400, 'VALIDATION_ERROR'],
    ['POST', '/api/sync/cancel', '/api/sync/cancel', { job_id: 'sync_404' }, 404, 'JOB_NOT_FOUND'],
    [
      'PUT',
      '/api/sync/schedules',
      '/api/sync/schedules',
      { channel_id: 'C1', schedule: 'soon' },
      400,
      'VALIDATION_ERROR',
    ],
    [
      'PUT',
      '/api/sync/schedules',
      '/api/sync/schedules',
      { channel_id: 'C404', schedule: '0 * * * *' },
      404,
      'CHANNEL_NOT_FOUND',
    ],
    ['GET', '/api/sync/schedules?channel=C1', '/api/sync/schedules', undefined, 400, 'VALIDATION_ERROR'],
    ['POST', '/api/connections', '/api/connections', { name: 'x' }, 400, 'VALIDATION_ERROR'],
    ['GET', '/api/connections/conn_404', '/api/connections/{connection_id}', undefined, 404, 'CONNECTION_NOT_FOUND'],
    [
      'PUT',
      '/api/connections/conn_404',
      '/api/connections/{connection_id}',
      { name: 'y' },
      404,
      'CONNECTION_NOT_FOUND',
    ],
    ['DELETE', '/api/connections/conn_404', '/api/connections/{connection_id}', undefined, 404, 'CONNECTION_NOT_FOUND'],
    [
      'POST',
      '/api/connections/conn_404/test',
      '/api/connections/{connection_id}/test',
      undefined,
      404,
      'CONNECTION_NOT_FOUND',
    ],
    ['GET', '/api/channels?connection=x', '/api/channels', undefined, 400, 'VALIDATION_ERROR'],
    ['POST', '/api/imports', '/api/imports', undefined, 400, 'FILE_REQUIRED'],
    ['GET', '/api/channels/C404/facts', '/api/channels/{channel_id}/facts', undefined, 404, 'CHANNEL_NOT_FOUND'],
    [
      'GET',
      '/api/channels/C404/facts?type=rumour',
      '/api/channels/{channel_id}/facts',
      undefined,
      400,
      'VALIDATION_ERROR',
    ],
    [
      'GET',
      '/api/channels/C404/messages/1.000001',
      '/api/channels/{channel_id}/messages/{message_id}',
      undefined,
      404,
      'CHANNEL_NOT_FOUND',
    ],
    ['GET', '/api/graph/entities?limit=0', '/api/graph/entities', undefined, 400, 'VALIDATION_ERROR'],
    ['GET', '/api/graph/entities?channel_id=C404', '/api/graph/entities', undefined, 404, 'CHANNEL_NOT_FOUND'],
    ['GET', '/api/graph/entities/ent_404', '/api/graph/entities/{entity_id}', undefined, 404, 'ENTITY_NOT_FOUND'],
    ['GET', '/api/wiki/C404', '/api/wiki/{channel_id}', undefined, 404, 'CHANNEL_NOT_FOUND'],
    ['GET', '/api/wiki/C404/pages/home', '/api/wiki/{channel_id}/pages/{slug}', undefined, 404, 'CHANNEL_NOT_FOUND'],
    [
      'GET',
      '/api/wiki/C404/pages/home?version=0',
      '/api/wiki/{channel_id}/pages/{slug}',
      undefined,
      400,
      'VALIDATION_ERROR',
    ],
    ['GET', '/mcp', '/mcp', undefined, 405, 'METHOD_NOT_ALLOWED'],
    ['DELETE', '/mcp', '/mcp', undefined, 405, 'METHOD_NOT_ALLOWED'],
    ['POST', '/mcp', '/mcp', nested(40), 400, 'VALIDATION_ERROR'],
    ['GET', '/api/wiki/C404/export', '/api/wiki/{channel_id}/export', undefined, 404, 'CHANNEL_NOT_FOUND'],
    ['GET', '/api/wiki/C404/export?format=pdf', '/api/wiki/{channel_id}/export', undefined, 400, 'VALIDATION_ERROR'],
    [
      'GET',
      '/api/wiki/C404/pages/home/versions',
      '/api/wiki/{channel_id}/pages/{slug}/versions',
      undefined,
      404,
      'CHANNEL_NOT_FOUND',
    ],
    ['POST', '/api/webhooks', '/api/webhooks', { url: 'x', events: [] }, 400, 'VALIDATION_ERROR'],
    ['GET', '/api/webhooks/wh_404', '/api/webhooks/{webhook_id}', undefined, 404, 'WEBHOOK_NOT_FOUND'],
    ['DELETE', '/api/webhooks/wh_404', '/api/webhooks/{webhook_id}', undefined, 404, 'WEBHOOK_NOT_FOUND'],
    [
      'GET',
      '/api/webhooks/wh_404/deliveries',
      '/api/webhooks/{webhook_id}/deliveries',
      undefined,
      404,
      'WEBHOOK_NOT_FOUND',
    ],
    [
      'GET',
      '/api/webhooks/wh_404/deliveries?limit=0',
      '/api/webhooks/{webhook_id}/deliveries',
      undefined,
      400,
      'VALIDATION_ERROR',
    ],
  ] as const)('%s %s: the answer is one the document names for it', async (method, url, path, body, status, code) => {
    const response = await atlas.api.request(method, url, { json: body });
    expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status, code });
    expect(Object.keys(response.body.error).sort()).toEqual(['code', 'details', 'message']);
    const documented = document.paths[path][method.toLowerCase()].responses[String(status)];
    expect(documented?.description).toContain(`\`${code}\``);
  });

  it('answers 401 UNAUTHORIZED, as documented, to a keyed route without the key', async () => {
    const { status, body } = await atlas.api.withKey(null).get('/api/connections');
    expect({ status, code: body.error.code }).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    expect(document.paths['/api/connections'].get.responses['401'].description).toContain('`UNAUTHORIZED`');
  });

  it('serves Swagger UI at /api/docs without a key, its scripts as files (no inline script for a CSP to allow)', async () => {
    const page = `${atlas.api.baseUrl}/api/docs`;
    const response = await fetch(page);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<div id="swagger-ui">');
    expect(html).toContain('<title>Atlas Sync API</title>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const scripts = [...html.matchAll(/<script[^>]*\bsrc=["']([^"']+)["']/g)].map(([, src]) => new URL(src, page).href);
    expect(scripts.map((src) => new URL(src).pathname)).toEqual(
      expect.arrayContaining(['/api/docs/swagger-ui-bundle.js', '/api/docs/swagger-ui-init.js']),
    );
    for (const script of scripts) {
      const asset = await fetch(script);
      expect({ script, status: asset.status, type: asset.headers.get('content-type') }).toEqual({
        script,
        status: 200,
        type: expect.stringMatching(/javascript/),
      });
      const text = await asset.text();
      if (script.endsWith('/swagger-ui-init.js')) expect(text).toContain('"title": "Atlas Sync API"');
    }
  }, 30_000);
});
