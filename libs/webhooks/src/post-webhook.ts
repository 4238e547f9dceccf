import { errorMessage } from '@atlas/common';
import { OutboundUrlPolicy, outboundFetch, outboundRefusalOf } from '@atlas/outbound';

/** What one attempt came to: delivered (a 2xx answer), or why not. */
export interface AttemptResult {
  delivered: boolean;
  /** The receiver's status; null when it gave none (refused by the policy, unreachable, timed out). */
  statusCode: number | null;
  error: string | null;
}

/**
 * Sends one attempt through the outbound-URL policy (the URL is checked again, and so is every address it
 * resolves to at connect time; redirects are not followed). Any 2xx delivers; anything else is a failure
 * worth another attempt. Throws only when `signal` aborts (the worker is stopping): then nothing is recorded.
 */
export async function postWebhook(
  request: { url: string; body: string; headers: Record<string, string> },
  options: { policy: OutboundUrlPolicy; timeoutMs: number; signal: AbortSignal },
): Promise<AttemptResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await outboundFetch(
      request.url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'AtlasSync-Webhooks/1', ...request.headers },
        body: request.body,
        signal: AbortSignal.any([options.signal, timeout]),
      },
      options.policy,
    );
    // The answer's body is not read: only its status counts, and a large one would only cost memory.
    await response.body?.cancel().catch(() => undefined);
    const delivered = response.status >= 200 && response.status < 300;
    return {
      delivered,
      statusCode: response.status,
      error: delivered ? null : `the receiver answered ${response.status}`,
    };
  } catch (error) {
    if (options.signal.aborted) throw error;
    if (timeout.aborted)
      return { delivered: false, statusCode: null, error: `no answer within ${options.timeoutMs} ms` };
    const refusal = outboundRefusalOf(error);
    return { delivered: false, statusCode: null, error: refusal ? refusal.message : describeFailure(error) };
  }
}

/** fetch's "fetch failed" with the reason its cause gives (ECONNREFUSED, a DNS failure...). */
function describeFailure(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const reason =
    typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : null;
  return reason ? `${errorMessage(error)}: ${reason}` : errorMessage(error);
}
