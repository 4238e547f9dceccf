import type { ExtractionFailure, Fact, NormalizedMessage, SkippedMessage } from '@atlas/events';
import type { ExtractionContext, ExtractionResult } from '../contracts';
import { compareText } from '../ordering';
import { withBatchReadings } from './batch-readings';
import { Gazetteer } from './gazetteer';
import { detectLanguages, READABLE_LANGUAGE } from './language';
import { assertExtractable, isWrittenByPerson } from './message-filter';
import { extractMessageFacts } from './message-facts';
import { projectSignals } from './projects';
import { ThreadBook } from './threads';

export { EXTRACTOR_VERSION } from './message-facts';

/**
 * The atomic facts of a batch of messages of one channel. Deterministic: the same message with the
 * same thread and context always yields the same facts with the same ids. A message that cannot be
 * extracted is recorded as a failure and never stops the batch; a message in a language the rules
 * cannot read is recorded as skipped.
 */
export function extractFacts(messages: NormalizedMessage[], context: ExtractionContext): ExtractionResult {
  return withBatchReadings(() => extractBatch(messages, context));
}

function extractBatch(messages: NormalizedMessage[], context: ExtractionContext): ExtractionResult {
  const failures: ExtractionFailure[] = [];
  const readable: NormalizedMessage[] = [];
  for (const message of latestVersionOfEach(messages)) {
    try {
      assertExtractable(message, context.channel_id);
      readable.push(message);
    } catch (error) {
      failures.push({ message_id: message.id, reason: reasonOf(error) });
    }
  }
  const spoken = readable.filter((message) => !message.deleted && isWrittenByPerson(message));
  const languages = detectLanguages(spoken, context.thread_parents);
  const gazetteer = new Gazetteer(context.people);
  const threads = new ThreadBook(readable, context);
  const factsOf = new Map<string, Fact[]>();
  const skippedIds = new Map<string, string>();
  const primed = new Set<string>();
  const knownProjects = projectsOfBatch(spoken, context);

  // Chronological, so that a task is known before the reply that completes it.
  for (const message of chronological(spoken)) {
    const language = languages.get(message.id) ?? READABLE_LANGUAGE;
    if (language !== READABLE_LANGUAGE) {
      skippedIds.set(message.id, language);
      continue;
    }
    primeThreadParent(message, context, threads, gazetteer, primed, readable, knownProjects);
    try {
      factsOf.set(message.id, extractMessageFacts(message, context, gazetteer, threads, knownProjects));
    } catch (error) {
      failures.push({ message_id: message.id, reason: reasonOf(error) });
    }
  }
  const facts = readable.flatMap((message) => factsOf.get(message.id) ?? []);
  const skipped: SkippedMessage[] = readable
    .filter((message) => skippedIds.has(message.id))
    .map((message) => ({ message_id: message.id, language: skippedIds.get(message.id)! }));
  return { facts, failures, skipped };
}

/**
 * A reply whose thread parent is not in the batch: the parent is read (its facts not kept) so the
 * tasks it assigns are known when a reply completes one.
 */
function primeThreadParent(
  message: NormalizedMessage,
  context: ExtractionContext,
  threads: ThreadBook,
  gazetteer: Gazetteer,
  primed: Set<string>,
  batch: readonly NormalizedMessage[],
  knownProjects: ReadonlySet<string>,
): void {
  const rootId = message.thread_parent_id;
  if (rootId === null || primed.has(rootId)) return;
  primed.add(rootId);
  const parent = context.thread_parents.get(rootId);
  if (!parent || batch.some((other) => other.id === rootId)) return;
  if (parent.deleted || !isWrittenByPerson(parent) || parent.channel_id !== context.channel_id) return;
  try {
    extractMessageFacts(parent, context, gazetteer, threads, knownProjects);
  } catch {
    // A parent that cannot be read assigns nothing; the reply is still extracted.
  }
}

/**
 * Names the batch (and its thread parents) presents as projects ("project Atlas", "the Atlas
 * project"): a message that then says "Atlas" alone means the same project.
 */
function projectsOfBatch(messages: readonly NormalizedMessage[], context: ExtractionContext): Set<string> {
  const names = new Set<string>();
  for (const message of [...messages, ...context.thread_parents.values()]) {
    for (const signal of projectSignals(message.text)) names.add(signal.name.toLowerCase());
  }
  return names;
}

/** A message delivered twice (or edited and re-fetched) in one batch gives its facts once. */
function latestVersionOfEach(messages: readonly NormalizedMessage[]): NormalizedMessage[] {
  const byId = new Map<string, NormalizedMessage>();
  for (const message of messages) byId.set(message.id, message);
  return [...byId.values()];
}

function chronological(messages: readonly NormalizedMessage[]): NormalizedMessage[] {
  return [...messages].sort((a, b) => compareText(a.timestamp, b.timestamp) || compareText(a.id, b.id));
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
