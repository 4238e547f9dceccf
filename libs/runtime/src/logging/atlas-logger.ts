import type { LoggerService } from '@nestjs/common';
import type { Level, Logger as Pino } from 'pino';
import { currentLogFields, currentRequestLogger } from './log-context';
import { withoutBearerTokens } from './redaction';

type Fields = Record<string, unknown>;

/**
 * Nest's LoggerService over pino, with the calling conventions of the code base kept: `log(message,
 * fields?)` through `new Logger(context)`, where the fields become fields of the line (not text), an
 * Error becomes `err`, and Nest's own `error(message, stack, context)` keeps its stack. A line logged
 * while serving a request goes through that request's logger (its request_id), and a line logged inside
 * withLogFields() carries those fields (a stage's job_id, channel_id, stage).
 */
export class AtlasLogger implements LoggerService {
  constructor(
    readonly pino: Pino,
    /** The context of a line logged without one (the supervisor's lines: `atlas-supervisor`). */
    private readonly defaultContext: string,
  ) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const target = currentRequestLogger() ?? this.pino;
    if (!target.isLevelEnabled(level)) return;
    const fields: Fields = { ...currentLogFields() };
    // Nest passes the context last (`new Logger('Jobs').log('x')` calls log('x', undefined, 'Jobs')).
    fields.context = params.length > 0 && typeof params.at(-1) === 'string' ? params.pop() : this.defaultContext;
    const texts: string[] = [];
    addPart(message, fields, texts, level, true);
    for (const param of params) addPart(param, fields, texts, level, false);
    target[level](fields, withoutBearerTokens(texts.join(' ')));
  }
}

function addPart(part: unknown, fields: Fields, texts: string[], level: Level, first: boolean): void {
  if (part === undefined) return;
  if (part instanceof Error) {
    fields.err = part;
    if (first) texts.push(part.message);
  } else if (typeof part === 'object' && part !== null && !Array.isArray(part)) {
    const { message, ...rest } = part as Fields;
    Object.assign(fields, rest);
    if (message !== undefined) texts.push(typeof message === 'string' ? message : JSON.stringify(message));
  } else if (!first && typeof part === 'string' && (level === 'error' || level === 'fatal') && /\n\s+at /.test(part)) {
    // Nest's exception handlers log error(message, stack, context).
    fields.stack = part;
  } else {
    texts.push(typeof part === 'string' ? part : JSON.stringify(part));
  }
}
