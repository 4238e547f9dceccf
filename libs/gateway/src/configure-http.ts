import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { BODY_LIMIT_BYTES } from './http/error-envelope';

/** HTTP settings of the gateway: a capped JSON body and nothing that leaks the framework. */
export function configureHttp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: BODY_LIMIT_BYTES, strict: true });
  express.disable('x-powered-by');
}
