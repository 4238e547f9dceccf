import { CompletionFailure, requestCompletion } from '../llm/chat-completions';
import type { LlmExtractorOptions } from '../llm/llm-extractor-options';
import { checkProse, MalformedProse, type CitedSentence, type DroppedSentence } from './prose-check';
import { PROSE_FORMAT, proseMessages, type NumberedFact } from './prose-prompt';

/** The model's answer after the check, or why there is none (the answer then stands on its facts alone). */
export type ProseOutcome =
  { written: true; sentences: CitedSentence[]; dropped: DroppedSentence[] } | { written: false; reason: string };

/**
 * Asks the configured model to write the answer from the retrieved facts only, and checks every sentence
 * (prose-check.ts). A failed request or a malformed answer is an outcome, not an error: the facts answer.
 */
export async function writeProse(
  options: LlmExtractorOptions,
  question: string,
  facts: readonly NumberedFact[],
  signal?: AbortSignal,
): Promise<ProseOutcome> {
  try {
    const completion = await requestCompletion(options, proseMessages(question, facts), signal, PROSE_FORMAT);
    const checked = checkProse(completion.content, new Map(facts.map((fact) => [fact.n, fact.text])));
    return { written: true, ...checked };
  } catch (error) {
    if (error instanceof CompletionFailure || error instanceof MalformedProse) {
      return { written: false, reason: error.message };
    }
    throw error;
  }
}
