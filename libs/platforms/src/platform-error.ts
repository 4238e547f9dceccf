import type { JobErrorCode } from '@atlas/events';

/**
 * A platform failure, already mapped to the Sync API's error codes. `transient` failures are retried
 * (the job's message is nak'ed with a delay); the others fail the job at once.
 */
export class PlatformError extends Error {
  constructor(
    readonly code: JobErrorCode,
    message: string,
    readonly options: {
      transient: boolean;
      retryAfterSeconds?: number;
      httpStatus?: number;
      /** The platform's own error string (Slack's `error` field). */
      platformCode?: string;
    },
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  get transient(): boolean {
    return this.options.transient;
  }

  get retryAfterSeconds(): number | undefined {
    return this.options.retryAfterSeconds;
  }
}
