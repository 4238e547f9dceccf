import { hostname } from 'node:os';
import { pino, type DestinationStream, type Level, type Logger as Pino } from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { AtlasConfig, LogLevel } from '@atlas/config';
import { REDACTED, REDACTED_PATHS } from './redaction';

/** Where log lines go: process.stdout unless a test passes a stream of its own. */
export type LogDestination = DestinationStream;

/** ATLAS_LOG_LEVEL keeps Nest's names; pino calls them by its own. */
const PINO_LEVEL: Record<LogLevel, Level> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * The process's pino logger for one service: JSON lines with ISO times, the level by name, the
 * service's name, and secrets redacted. `text` pretty-prints the same lines for a person.
 *
 * Lines are written synchronously to the destination (process.stdout: synchronous for files and pipes on
 * Linux), in this thread: a worker-thread transport could lose the last line of a process that exits at
 * once, and the line that says why a process ends is the one that matters most (crash-handlers.ts).
 */
export function createPinoRoot(
  config: Pick<AtlasConfig, 'logLevel' | 'logFormat'>,
  service: string,
  destination: LogDestination = process.stdout,
): Pino {
  return pino(
    {
      level: PINO_LEVEL[config.logLevel],
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      base: { pid: process.pid, hostname: hostname(), service },
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
    },
    config.logFormat === 'text' ? prettyLines(destination) : destination,
  );
}

/** pino-pretty as a function on each line, not its stream: writes stay synchronous and in order. */
function prettyLines(destination: LogDestination): DestinationStream {
  const prettify = prettyFactory({
    messageKey: 'message',
    colorize: destination === process.stdout && process.stdout.isTTY,
    translateTime: 'UTC:yyyy-mm-dd HH:MM:ss.l"Z"',
    ignore: 'pid,hostname,service,context',
    messageFormat: '{if context}[{context}] {end}{message}',
    singleLine: true,
  });
  return { write: (line: string) => destination.write(prettify(line)) };
}
