/**
 * The error hierarchy shared by every service. API errors carry the HTTP status and the code of the
 * error envelope; a TransientError tells the JetStream transport to retry the message later.
 */
export type ErrorDetails = Record<string, unknown>;

export abstract class AppError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  readonly status = 400;
  constructor(message: string, details: ErrorDetails = {}) {
    super('VALIDATION_ERROR', message, details);
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
}

export class ConflictError extends AppError {
  readonly status = 409;
}

/** A request the platform refused: the connection's credentials or config are wrong, or the platform failed. */
export class UpstreamError extends AppError {
  constructor(
    code: string,
    message: string,
    details: ErrorDetails,
    readonly status: number,
  ) {
    super(code, message, details);
  }
}

/** Too many requests from one API key: a 429 that says when to try again (details.retry_after, in seconds). */
export class RateLimitError extends AppError {
  readonly status = 429;
  constructor(message: string, details: ErrorDetails & { retry_after: number }) {
    super('RATE_LIMIT', message, details);
  }
}

/** A failure worth retrying later: the transport naks the message with this delay. */
export class TransientError extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'TransientError';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
