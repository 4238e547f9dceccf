import 'reflect-metadata';
import type { NormalizedMessage, WikiPage } from '@atlas/events';
import {
  extractFacts,
  generateWikiPages,
  type ExtractionContext,
  type ExtractionResult,
  type WikiInput,
} from '@atlas/knowledge';

export interface ExtractionTask {
  messages: NormalizedMessage[];
  context: ExtractionContext;
}

/** Runs in a thread of the pool: the local rules over one batch, as `extractFacts` would in place. */
export function extract({ messages, context }: ExtractionTask): ExtractionResult {
  return extractFacts(messages, context);
}

/** Runs in a thread of the pool: a channel's wiki pages from its knowledge, as `generateWikiPages` would in place. */
export function generateWiki(input: WikiInput): WikiPage[] {
  return generateWikiPages(input);
}
