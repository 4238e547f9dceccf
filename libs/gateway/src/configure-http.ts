import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AtlasConfig } from '@atlas/config';
import { ATLAS_CONFIG } from '@atlas/runtime';
import { serveApiDocs } from './http/api-docs';
import { answerParserErrorsInEnvelope } from './http/client-errors';
import { BODY_LIMIT_BYTES } from './http/error-envelope';
import { ServerPaths } from './http/server-paths';

/**
 * HTTP settings of the gateway: a capped JSON body, nothing that leaks the framework or the server's
 * folders, and the error envelope even for requests Node's parser refuses before express sees them.
 */
export function configureHttp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  const config = app.get<AtlasConfig>(ATLAS_CONFIG);
  express.useBodyParser('json', { limit: BODY_LIMIT_BYTES, strict: true });
  express.disable('x-powered-by');
  // Every JSON answer (res.json: Nest's replies, the error filter, the key check) goes through it.
  express.set('json replacer', new ServerPaths(config.importDir, config.dataDir).jsonReplacer);
  const server = express.getHttpServer();
  answerParserErrorsInEnvelope(server);
  serveApiDocs(app);
  // Node closes an idle kept-alive connection after 5 s. A client that sends on it just as the server
  // closes it sees ECONNRESET; a minute of grace (more than proxies' usual 60 s) keeps that race to
  // connections nobody has used for a long time. Closing the app still closes idle connections at once.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
}

const KEEP_ALIVE_MS = 65_000;
