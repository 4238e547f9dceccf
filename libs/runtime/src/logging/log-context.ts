import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as Pino } from 'pino';

/** Fields every line logged inside a piece of work carries (a job's stage: job_id, channel_id, stage). */
const fieldsContext = new AsyncLocalStorage<Readonly<Record<string, unknown>>>();
/** The logger of the HTTP request being served (a child carrying its request_id), set by the gateway. */
const requestContext = new AsyncLocalStorage<Pino>();

/** Runs `work` so that every line it logs (through Nest's Logger) carries `fields`, on top of the outer ones. */
export function withLogFields<T>(fields: Record<string, unknown>, work: () => T): T {
  return fieldsContext.run({ ...fieldsContext.getStore(), ...fields }, work);
}

export function currentLogFields(): Readonly<Record<string, unknown>> | undefined {
  return fieldsContext.getStore();
}

/** Runs `next` (the rest of an HTTP request's handling) with the request's logger. */
export function withRequestLogger<T>(logger: Pino, next: () => T): T {
  return requestContext.run(logger, next);
}

export function currentRequestLogger(): Pino | undefined {
  return requestContext.getStore();
}
