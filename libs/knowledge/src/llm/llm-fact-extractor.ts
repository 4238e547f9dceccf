import type { ExtractorRun, Fact, NormalizedMessage } from '@atlas/events';
import type { ExtractionContext, ExtractionResult } from '../contracts';
import { extractFacts } from '../extraction/extract-facts';
import { detectLanguages } from '../extraction/language';
import { factsOfAnswer, type AnswerFacts } from './answer-facts';
import { readAnswer } from './answer-model';
import { CompletionFailure, requestCompletion, type TokenUsage } from './chat-completions';
import type { LlmExtractorOptions } from './llm-extractor-options';
import { messagesToSend } from './messages-to-send';
import { PeopleOfBatch } from './people-of-batch';
import type { RejectedFact } from './fact-checks';
import { systemPrompt, userMessage } from './prompt';

export type LocalExtractor = (messages: NormalizedMessage[], context: ExtractionContext) => ExtractionResult;

export interface LlmExtraction {
  result: ExtractionResult;
  run: ExtractorRun;
  /** Facts of the model's answers that broke a rule of the prompt, dropped (fact-checks.ts). */
  rejected: RejectedFact[];
}

/** One request's outcome: the model's facts and those the checks dropped, or why its messages went to the local extractor. */
type RequestOutcome = { answer: AnswerFacts; usage: TokenUsage } | { failure: string; usage: TokenUsage };

/**
 * Extracts facts through an OpenAI-compatible chat-completions endpoint. A batch is sent in requests
 * of at most `maxMessagesPerRequest` messages, one after the other; a request that fails in any way
 * (HTTP error, timeout, an answer that is not JSON, breaks the schema or was cut short) hands its
 * messages to the local extractor, and the rest of the batch stays with the model.
 */
export class LlmFactExtractor {
  // A private field stays out of JSON.stringify and util.inspect, so logging the extractor never shows the key.
  readonly #options: LlmExtractorOptions;

  constructor(
    options: LlmExtractorOptions,
    private readonly fallback: LocalExtractor = extractFacts,
  ) {
    if (!Number.isInteger(options.maxMessagesPerRequest) || options.maxMessagesPerRequest < 1) {
      throw new RangeError('maxMessagesPerRequest must be a whole number of at least 1');
    }
    this.#options = { ...options };
  }

  async extract(
    messages: NormalizedMessage[],
    context: ExtractionContext,
    signal?: AbortSignal,
  ): Promise<LlmExtraction> {
    const { send, keepLocal } = messagesToSend(messages, context.channel_id);
    const people = new PeopleOfBatch(send, context);
    const languages = detectLanguages(send, context.thread_parents);
    const batch = new Map(messages.map((message) => [message.id, message]));
    const results: ExtractionResult[] = keepLocal.length > 0 ? [this.fallback(keepLocal, context)] : [];
    const requests = chunk(send, this.#options.maxMessagesPerRequest);
    const failures: string[] = [];
    const rejected: RejectedFact[] = [];
    const tokens = { prompt_tokens: 0, completion_tokens: 0 };
    for (const [at, request] of requests.entries()) {
      const outcome = await this.request(request, batch, context, people, languages, signal);
      tokens.prompt_tokens += outcome.usage.prompt_tokens;
      tokens.completion_tokens += outcome.usage.completion_tokens;
      if ('answer' in outcome) {
        results.push({ facts: outcome.answer.facts, failures: [], skipped: [] });
        rejected.push(...outcome.answer.rejected);
      } else {
        failures.push(`request ${at + 1} of ${requests.length}: ${outcome.failure}`);
        results.push(this.fallback(request, context));
      }
    }
    return {
      result: inBatchOrder(results, messages),
      run: {
        // Only a batch the model answered at least in part is its work; otherwise the local rules did it all.
        extractor: failures.length < requests.length ? 'llm' : 'rules',
        fallback_reason: failures.length > 0 ? failures.join('; ') : null,
        ...tokens,
      },
      rejected,
    };
  }

  private async request(
    messages: NormalizedMessage[],
    batch: ReadonlyMap<string, NormalizedMessage>,
    context: ExtractionContext,
    people: PeopleOfBatch,
    languages: ReadonlyMap<string, string>,
    signal?: AbortSignal,
  ): Promise<RequestOutcome> {
    let usage: TokenUsage = { prompt_tokens: 0, completion_tokens: 0 };
    try {
      const completion = await requestCompletion(
        this.#options,
        [
          { role: 'system', content: systemPrompt(this.#options.jsonMode) },
          { role: 'user', content: userMessage(messages, batch, context, people.list()) },
        ],
        signal,
      );
      usage = completion.usage;
      const parsed = parseContent(completion.content);
      if (parsed === NOT_JSON) return { failure: 'the answer content is not JSON', usage };
      const answer = readAnswer(parsed);
      if (typeof answer === 'string') return { failure: answer, usage };
      const sent = new Map(messages.map((message) => [message.id, message]));
      return { answer: factsOfAnswer(answer, sent, context.channel_id, people, languages), usage };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof CompletionFailure) return { failure: error.reason, usage: error.usage };
      return { failure: error instanceof Error ? error.message : String(error), usage };
    }
  }
}

const NOT_JSON = Symbol('not JSON');

/** The answer's JSON; a model without schema support may wrap it in a Markdown code fence. */
function parseContent(content: string): unknown {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(content);
  try {
    return JSON.parse(fenced ? fenced[1] : content) as unknown;
  } catch {
    return NOT_JSON;
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** The results merged, facts, failures and skipped messages in the order of their messages in the batch. */
function inBatchOrder(results: readonly ExtractionResult[], messages: readonly NormalizedMessage[]): ExtractionResult {
  const position = new Map<string, number>();
  messages.forEach((message, at) => position.set(message.id, at));
  const byMessage = <T extends { message_id: string }>(items: T[]): T[] =>
    items
      .map((item, at) => ({ item, at }))
      .sort((a, b) => (position.get(a.item.message_id) ?? 0) - (position.get(b.item.message_id) ?? 0) || a.at - b.at)
      .map(({ item }) => item);
  return {
    facts: byMessage(results.flatMap((result) => result.facts)),
    failures: byMessage(results.flatMap((result) => result.failures)),
    skipped: byMessage(results.flatMap((result) => result.skipped ?? [])),
  };
}
