import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppError } from '@atlas/common';

/** What went wrong: a stable code to act on, a message for people, and the facts of the case. */
export class ErrorBody {
  @ApiProperty({ description: 'Stable, upper-case code: VALIDATION_ERROR, CHANNEL_NOT_FOUND, RATE_LIMIT...' })
  code: string;
  @ApiProperty()
  message: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Depends on the code: `problems` (validation), `retry_after` in seconds (rate limits)...',
  })
  details: Record<string, unknown>;
}

/** The body of every 4xx/5xx answer. */
export class ErrorEnvelope {
  @ApiProperty({ type: ErrorBody })
  error: ErrorBody;
}

export function envelope(code: string, message: string, details: Record<string, unknown> = {}): ErrorEnvelope {
  return { error: { code, message, details } };
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_ERROR',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  415: 'VALIDATION_ERROR',
};

/** Every 4xx/5xx answer has the same envelope: {"error": {"code", "message", "details"}}. */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  private readonly log = new Logger('Gateway');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(exception);
    if (status >= 500)
      this.log.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(status).json(body);
  }

  private describe(exception: unknown): [number, ErrorEnvelope] {
    if (exception instanceof AppError) {
      return [exception.status, envelope(exception.code, exception.message, exception.details)];
    }
    if (exception instanceof HttpException && exception.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) {
      return [400, tooLarge()];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Bad input of any kind is a 400, as the API promises.
      const reported = status === HttpStatus.UNSUPPORTED_MEDIA_TYPE ? 400 : status;
      const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'REQUEST_ERROR');
      return [reported, envelope(code, exception.message)];
    }
    const bodyParserError = exception as { type?: string; status?: number; message?: string };
    if (bodyParserError?.type === 'entity.parse.failed') {
      return [400, envelope('VALIDATION_ERROR', 'The request body is not valid JSON')];
    }
    if (bodyParserError?.type === 'entity.too.large') return [400, tooLarge()];
    return [500, envelope('INTERNAL_ERROR', 'Internal server error')];
  }
}

export const BODY_LIMIT_BYTES = 64 * 1024;

function tooLarge(): ErrorEnvelope {
  return envelope('VALIDATION_ERROR', `The request body is larger than the ${BODY_LIMIT_BYTES / 1024} KiB limit`, {
    limit_bytes: BODY_LIMIT_BYTES,
  });
}
