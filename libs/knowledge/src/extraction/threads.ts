import type { NormalizedMessage } from '@atlas/events';
import type { ExtractionContext } from '../contracts';
import { classifyFact } from './fact-type';
import { prepareMessageText } from './message-text';
import { splitSentences } from './sentences';

export interface ThreadRoot {
  /** The root asked something: its other-author, non-question replies answer it. */
  askedQuestion: boolean;
  askerId: string | null;
}

/** What the extractor knows about the threads of a batch: their roots, and the tasks assigned in them. */
export class ThreadBook {
  private readonly batch = new Map<string, NormalizedMessage>();
  private readonly roots = new Map<string, ThreadRoot | null>();
  private readonly assignees = new Map<string, Set<string>>();
  /** Authors of the questions asked so far in each thread's replies. */
  private readonly askers = new Map<string, Set<string | null>>();

  constructor(
    messages: readonly NormalizedMessage[],
    private readonly context: ExtractionContext,
  ) {
    for (const message of messages) this.batch.set(message.id, message);
  }

  /** The root message of a thread, from the batch or from the context's thread parents. */
  rootMessage(rootId: string): NormalizedMessage | null {
    return this.batch.get(rootId) ?? this.context.thread_parents.get(rootId) ?? null;
  }

  root(rootId: string): ThreadRoot | null {
    if (!this.roots.has(rootId)) {
      const message = this.rootMessage(rootId);
      this.roots.set(rootId, message && { askedQuestion: asksQuestion(message), askerId: message.author_id });
    }
    return this.roots.get(rootId) ?? null;
  }

  addTask(rootId: string, assignee: string): void {
    const assigned = this.assignees.get(rootId) ?? new Set<string>();
    assigned.add(assignee);
    this.assignees.set(rootId, assigned);
  }

  noteQuestion(rootId: string, askerId: string | null): void {
    const askers = this.askers.get(rootId) ?? new Set<string | null>();
    askers.add(askerId);
    this.askers.set(rootId, askers);
  }

  /** Someone other than the author asked a question in the thread, in its root or an earlier reply. */
  hasQuestionFromOther(rootId: string, authorId: string | null): boolean {
    const root = this.root(rootId);
    if (root?.askedQuestion && root.askerId !== authorId) return true;
    return [...(this.askers.get(rootId) ?? [])].some((asker) => asker !== authorId);
  }

  /** The person started the thread or was mentioned in its root: the thread's work is theirs to report on. */
  involves(rootId: string, personId: string): boolean {
    const root = this.rootMessage(rootId);
    if (root === null) return false;
    return root.author_id === personId || root.mentions.some((mention) => mention.id === personId);
  }

  isAssignee(rootId: string, person: string): boolean {
    return this.assignees.get(rootId)?.has(person) ?? false;
  }
}

function asksQuestion(message: NormalizedMessage): boolean {
  if (message.deleted) return false;
  return splitSentences(prepareMessageText(message.text)).some(
    (sentence) => classifyFact(sentence).type === 'question',
  );
}
