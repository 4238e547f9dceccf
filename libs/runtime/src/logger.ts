import { ConsoleLogger, LoggerService } from '@nestjs/common';
import { AtlasConfig, LOG_LEVELS } from '@atlas/config';

/** Structured logs: one JSON object per line by default (ATLAS_LOG_FORMAT=text for humans). */
export function createLogger(config: Pick<AtlasConfig, 'logLevel' | 'logFormat'>, service: string): LoggerService {
  const upTo = LOG_LEVELS.indexOf(config.logLevel);
  return new ConsoleLogger(service, {
    json: config.logFormat === 'json',
    // Fields passed after the message (job_id, reason, ...) become fields of the line's JSON object.
    flattenParams: true,
    colors: config.logFormat === 'text' && process.stdout.isTTY,
    logLevels: LOG_LEVELS.slice(0, upTo + 1),
  });
}
