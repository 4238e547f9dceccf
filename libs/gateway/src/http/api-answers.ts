import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { ErrorEnvelope } from './error-envelope';

/** The name of the API key's security scheme in the OpenAPI document. */
export const API_KEY_SCHEME = 'api_key';

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
};

/** The error answers a route gives besides those of every keyed route, as status: the codes it carries. */
export type ErrorAnswers = Partial<Record<400 | 404 | 409 | 429 | 502, readonly string[]>>;

/** A route that asks a platform can pass on its rate limit, which has no Retry-After header. */
const PLATFORM_LIMIT =
  ": this API key's limit (Retry-After header), or the platform's limit on the connection (`details.retry_after` only)";

/** Documents a route's error answers, each in the error envelope, its description naming the codes. */
export function ApiErrors(...answerSets: ErrorAnswers[]) {
  const codesByStatus = new Map<number, string[]>();
  for (const answers of answerSets)
    for (const [status, codes] of Object.entries(answers))
      codesByStatus.set(Number(status), [...(codesByStatus.get(Number(status)) ?? []), ...codes]);
  return applyDecorators(
    ...[...codesByStatus].map(([status, codes]) =>
      ApiResponse({
        status,
        description: codes.map((code) => `\`${code}\``).join(', ') + (status === 429 ? PLATFORM_LIMIT : ''),
        type: ErrorEnvelope,
        ...(status === 429 ? { headers: RETRY_AFTER } : {}),
      }),
    ),
  );
}

/**
 * For a controller whose routes all need the API key: the security scheme, and the answers any of them
 * may give (no key, the key's rate limit, a failure of the server).
 */
export function ApiKeyRequired() {
  return applyDecorators(
    ApiBearerAuth(API_KEY_SCHEME),
    ApiResponse({
      status: 401,
      description: '`UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>`',
      type: ErrorEnvelope,
    }),
    ApiResponse({
      status: 429,
      description: '`RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After',
      type: ErrorEnvelope,
      headers: RETRY_AFTER,
    }),
    ApiResponse({ status: 500, description: '`INTERNAL_ERROR`', type: ErrorEnvelope }),
  );
}

/** The codes a connection's platform answers with when it is checked (creating, updating, importing). */
export const PLATFORM_CHECK_ERRORS = {
  400: ['AUTH_ERROR', 'CHANNEL_NOT_FOUND'],
  429: ['RATE_LIMIT'],
  502: ['PLATFORM_ERROR', 'INTERNAL_ERROR'],
} as const;
