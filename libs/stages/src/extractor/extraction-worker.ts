import 'reflect-metadata';
import type { NormalizedMessage } from '@atlas/events';
import { extractFacts, type ExtractionContext, type ExtractionResult } from '@atlas/knowledge';

export interface ExtractionTask {
  messages: NormalizedMessage[];
  context: ExtractionContext;
}

/** Runs in a thread of the extraction pool: the local rules over one batch, as `extractFacts` would in place. */
export default function extractInWorker({ messages, context }: ExtractionTask): ExtractionResult {
  return extractFacts(messages, context);
}
