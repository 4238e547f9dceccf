import type { OutboundUrlPolicy } from '@atlas/outbound';

/** How the model is asked for structured output: a JSON schema, or plain JSON for servers without schema support. */
export type LlmJsonMode = 'json_schema' | 'json_object';

/** The endpoint and limits of the LLM extractor; `config.llm` of @atlas/config has this shape. */
export interface LlmExtractorOptions {
  /** Base URL of an OpenAI-compatible API (`https://api.openai.com/v1`, `http://localhost:11434/v1`). */
  baseUrl: string;
  model: string;
  /** Sent as a Bearer token; null for servers that need none. */
  apiKey: string | null;
  /** Longest one request may take, answer included. */
  timeoutMs: number;
  /** A batch is sent in requests of at most this many messages. */
  maxMessagesPerRequest: number;
  jsonMode: LlmJsonMode;
  /**
   * Longest Retry-After waited out before the one retry of a 429 or 5xx answer (default 5 s): a longer
   * wait would stall the job, so the request goes to the local extractor instead.
   */
  maxRetryWaitMs?: number;
  /** Where requests may go (config.outboundUrls); https to public addresses when not given. */
  outboundPolicy?: OutboundUrlPolicy;
}

/** Part of the id of every fact the LLM path writes: facts of a new prompt version get new ids. */
export const LLM_EXTRACTOR_VERSION = 'llm-3';
