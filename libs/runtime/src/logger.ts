import type { AtlasConfig } from '@atlas/config';
import { AtlasLogger } from './logging/atlas-logger';
import { createPinoRoot, LogDestination } from './logging/pino-root';

export { AtlasLogger } from './logging/atlas-logger';
export { withLogFields, withRequestLogger } from './logging/log-context';
export { withoutSecretParams } from './logging/redaction';
export type { LogDestination } from './logging/pino-root';

/** Structured logs: one JSON object per line by default (ATLAS_LOG_FORMAT=text for humans). See docs/OPERATIONS.md. */
export function createLogger(
  config: Pick<AtlasConfig, 'logLevel' | 'logFormat'>,
  service: string,
  destination?: LogDestination,
): AtlasLogger {
  return new AtlasLogger(createPinoRoot(config, service, destination), service);
}
