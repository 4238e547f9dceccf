import { sleep } from '@atlas/common';
import {
  DEFAULT_RETRY_POLICY,
  outboundFetch,
  outboundRefusalOf,
  RetrySchedule,
  retryHintOf,
  STRICT_OUTBOUND_POLICY,
} from '@atlas/outbound';
import { ANSWER_SCHEMA, ANSWER_SCHEMA_NAME } from './answer-schema';
import type { LlmExtractorOptions } from './llm-extractor-options';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** The text of a complete answer, and what it cost. */
export interface Completion {
  content: string;
  usage: TokenUsage;
}

/** A request that gave no usable answer: why, and the tokens its answer cost all the same. */
export class CompletionFailure extends Error {
  constructor(
    readonly reason: string,
    readonly usage: TokenUsage = NO_TOKENS,
  ) {
    super(reason);
    this.name = 'CompletionFailure';
  }
}

export const NO_TOKENS: TokenUsage = { prompt_tokens: 0, completion_tokens: 0 };

const DEFAULT_MAX_RETRY_WAIT_MS = 5000;
/** How much of an error answer's message a reason quotes. */
const QUOTED_ERROR_LENGTH = 200;

/** The JSON schema an answer is asked to follow, by name: the extractor's facts by default. */
export interface AnswerFormat {
  name: string;
  schema: object;
}

const FACTS_FORMAT: AnswerFormat = { name: ANSWER_SCHEMA_NAME, schema: ANSWER_SCHEMA };

/**
 * One chat-completions request (POST {baseUrl}/chat/completions) asking for `format` (ANSWER_SCHEMA unless told). A 429 or
 * 5xx is retried once, under the platforms' retry policy (RetrySchedule): after the wait it names, or a
 * backoff with full jitter when it names none; every other failure, and a second one, is a
 * CompletionFailure. The caller's signal aborting is not a failure: its reason is thrown as is.
 */
export async function requestCompletion(
  options: LlmExtractorOptions,
  messages: ChatMessage[],
  signal?: AbortSignal,
  format: AnswerFormat = FACTS_FORMAT,
): Promise<Completion> {
  const body = JSON.stringify({
    model: options.model,
    temperature: 0,
    messages,
    response_format: responseFormat(options, format),
  });
  const first = await post(options, body, signal);
  if (!isRetryable(first.status)) return readCompletion(first, options);
  // A longer wait would stall the job: the batch goes to the local extractor instead.
  const maxWait = options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
  const schedule = new RetrySchedule({
    ...DEFAULT_RETRY_POLICY,
    maxHintedWaitSeconds: maxWait / 1000,
    budgetSeconds: maxWait / 1000,
  });
  const hint = retryHintOf({ status: first.status, headers: first.headers, body: first.text });
  const decision = schedule.next(first.status === 429 || hint ? { kind: 'throttled', hint } : { kind: 'failed' });
  if (!decision.retry) {
    throw new CompletionFailure(
      `${httpFailure(first, options)}, and its Retry-After of ${Math.ceil(decision.retryAfterSeconds ?? 0)} s is longer than the ${maxWait / 1000} s the extractor waits`,
    );
  }
  await sleep(decision.waitMs, signal);
  return readCompletion(await post(options, body, signal), options);
}

function responseFormat(options: LlmExtractorOptions, format: AnswerFormat): object {
  if (options.jsonMode === 'json_object') return { type: 'json_object' };
  return { type: 'json_schema', json_schema: { name: format.name, strict: true, schema: format.schema } };
}

interface RawAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

async function post(options: LlmExtractorOptions, body: string, signal?: AbortSignal): Promise<RawAnswer> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.apiKey !== null) headers.authorization = `Bearer ${options.apiKey}`;
  try {
    const response = await outboundFetch(
      `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`,
      { method: 'POST', headers, body, signal: signal ? AbortSignal.any([signal, timeout]) : timeout },
      options.outboundPolicy ?? STRICT_OUTBOUND_POLICY,
    );
    // The timeout covers the whole answer: a server may send its headers and stall in the body.
    const text = await response.text();
    const answerHeaders = new Headers([...response.headers]);
    return { status: response.status, statusText: response.statusText, headers: answerHeaders, text };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) throw new CompletionFailure(`no answer within ${options.timeoutMs} ms`);
    const refusal = outboundRefusalOf(error);
    if (refusal !== null) throw new CompletionFailure(`the request was not sent: ${refusal.message}`);
    throw new CompletionFailure(`the request failed: ${describeNetworkError(error)}`);
  }
}

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

function readCompletion(answer: RawAnswer, options: LlmExtractorOptions): Completion {
  if (answer.status < 200 || answer.status >= 300) throw new CompletionFailure(httpFailure(answer, options));
  let envelope: unknown;
  try {
    envelope = JSON.parse(answer.text);
  } catch {
    throw new CompletionFailure('the answer is not JSON');
  }
  const usage = usageOf(envelope);
  const choice = firstChoice(envelope);
  if (choice === null) throw new CompletionFailure('the answer has no choices[0].message', usage);
  if (choice.finish_reason === 'length') {
    throw new CompletionFailure('the answer was truncated (finish_reason "length")', usage);
  }
  if (typeof choice.refusal === 'string' && choice.refusal !== '') {
    throw new CompletionFailure(`the model refused: ${clip(choice.refusal)}`, usage);
  }
  if (typeof choice.content !== 'string') throw new CompletionFailure('the answer has no message content', usage);
  return { content: choice.content, usage };
}

interface Choice {
  content: unknown;
  refusal: unknown;
  finish_reason: unknown;
}

function firstChoice(envelope: unknown): Choice | null {
  const choices = (envelope as { choices?: unknown })?.choices;
  if (!Array.isArray(choices) || choices.length === 0) return null;
  const choice = choices[0] as { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown };
  if (typeof choice?.message !== 'object' || choice.message === null) return null;
  return { content: choice.message.content, refusal: choice.message.refusal, finish_reason: choice.finish_reason };
}

/** The tokens an answer reports; 0 for a count a server leaves out or writes wrong. */
function usageOf(envelope: unknown): TokenUsage {
  const usage = (envelope as { usage?: Record<string, unknown> } | null)?.usage;
  const count = (value: unknown) => (Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : 0);
  return { prompt_tokens: count(usage?.prompt_tokens), completion_tokens: count(usage?.completion_tokens) };
}

/** "HTTP 401 Unauthorized: <the server's error message>", with the API key blanked should the server echo it. */
function httpFailure(answer: RawAnswer, options: LlmExtractorOptions): string {
  const status = `HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
  let message: unknown;
  try {
    const parsed = JSON.parse(answer.text) as { error?: { message?: unknown } | string };
    message = typeof parsed.error === 'string' ? parsed.error : parsed.error?.message;
  } catch {
    message = undefined;
  }
  if (typeof message !== 'string' || message.trim() === '') return status;
  return `${status}: ${clip(redact(message, options.apiKey))}`;
}

function redact(text: string, apiKey: string | null): string {
  return apiKey === null || apiKey === '' ? text : text.split(apiKey).join('[redacted]');
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > QUOTED_ERROR_LENGTH ? `${oneLine.slice(0, QUOTED_ERROR_LENGTH)}…` : oneLine;
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : null;
  return cause ? `${error.message} (${cause})` : error.message;
}
