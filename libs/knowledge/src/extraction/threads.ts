import type { NormalizedMessage } from '@atlas/events';
import type { ExtractionContext } from '../contracts';
import { compareText } from '../ordering';
import { addresseeOf } from './addressee';
import { prepareMessageText, splitSentences } from './batch-readings';
import { isQuestion } from './fact-type';
import type { Gazetteer } from './gazetteer';
import { isWrittenByPerson } from './message-filter';
import { requestedWork } from './requests';

/** A proposal made in a batch message, which someone else's agreement makes a decision. */
export interface Proposal {
  messageId: string;
  authorId: string | null;
  /** The sentence that proposes. */
  text: string;
}

/** A request asked of one person ("@ben can you write the postmortem?"), which their "yes" makes their task. */
export interface Request {
  owner: string;
  /** What is asked: "write a short postmortem by Friday". */
  content: string;
}

export interface ThreadRoot {
  /** The root asked something: its other-author, non-question replies answer it. */
  askedQuestion: boolean;
  askerId: string | null;
}

/**
 * How recent a question must be for a message addressed to its asker to answer it: within this many
 * messages of the batch and this many minutes. Chat without threads interleaves several conversations.
 */
const ADDRESSED_ANSWER_WINDOW_MESSAGES = 20;
const ADDRESSED_ANSWER_WINDOW_MS = 30 * 60_000;

/**
 * What the extractor knows about the threads of a batch: their roots, the tasks assigned in them,
 * and who asked what recently, so that a reply addressed to an asker ("trey: …") answers like a thread reply.
 */
export class ThreadBook {
  private readonly batch = new Map<string, NormalizedMessage>();
  private readonly roots = new Map<string, ThreadRoot | null>();
  private readonly assignees = new Map<string, Set<string>>();
  /** Authors of the questions asked so far in each thread's replies. */
  private readonly askers = new Map<string, Set<string | null>>();
  /** The latest question asked in each thread's replies. */
  private readonly latestQuestions = new Map<string, NormalizedMessage>();
  /** Each batch message's place in chronological order. */
  private readonly positions = new Map<string, number>();
  /** Each batch message's time (ms), parsed once: every addressed message looks at the twenty before it. */
  private readonly times = new Map<string, number>();
  /** The batch, oldest first. */
  private readonly chronological: NormalizedMessage[];
  /** Whether a batch message asks a question, for the messages looked at so far. */
  private readonly questions = new Map<string, boolean>();
  /** Proposals by thread root, and by message for chat without threads. */
  private readonly proposals = new Map<string, Proposal[]>();
  private readonly proposalsByMessage = new Map<string, Proposal>();
  /** Requests asked in each thread, by their owner. */
  private readonly requests = new Map<string, Map<string, Request>>();
  /** The subject of the latest decision of each thread: a change of plan in the thread replaces it. */
  private readonly decisions = new Map<string, string>();

  constructor(
    messages: readonly NormalizedMessage[],
    private readonly context: ExtractionContext,
  ) {
    for (const message of messages) this.batch.set(message.id, message);
    this.chronological = [...this.batch.values()].sort(
      (a, b) => compareText(a.timestamp, b.timestamp) || compareText(a.id, b.id),
    );
    this.chronological.forEach((message, position) => {
      this.positions.set(message.id, position);
      this.times.set(message.id, Date.parse(message.timestamp));
    });
  }

  /**
   * The message answers a question: a thread reply to a question someone else asked in the thread,
   * or a message addressed to someone who asked a question in the batch shortly before.
   */
  answersQuestion(message: NormalizedMessage, gazetteer: Gazetteer): boolean {
    const rootId = message.thread_parent_id;
    if (rootId !== null && this.hasQuestionFromOther(rootId, message.author_id)) return true;
    const addressee = addresseeOf(message, gazetteer);
    if (addressee === null) return false;
    return this.recentQuestion(addressee, message, gazetteer) !== null;
  }

  /**
   * The message whose question this one answers, where it is known: in a thread, the latest question
   * someone else asked in its replies (as the batch was read), else its root when the root asked; without
   * threads, the addressee's recent question.
   */
  answeredQuestion(message: NormalizedMessage, gazetteer: Gazetteer): NormalizedMessage | null {
    const rootId = message.thread_parent_id;
    if (rootId !== null) {
      // The latest question of the thread by someone else: asked in a reply, else by the root.
      const latest = this.latestQuestions.get(rootId);
      if (latest !== undefined && latest.author_id !== message.author_id) return latest;
      const root = this.root(rootId);
      return root?.askedQuestion && root.askerId !== message.author_id ? this.rootMessage(rootId) : null;
    }
    const addressee = addresseeOf(message, gazetteer);
    return addressee === null ? null : this.recentQuestion(addressee, message, gazetteer);
  }

  /**
   * The message a thread reply answers when it names nothing itself ("Approved."): the latest earlier
   * message someone else wrote in the thread, its root included.
   */
  repliedMessage(message: NormalizedMessage): NormalizedMessage | null {
    const rootId = message.thread_parent_id;
    if (rootId === null) return null;
    const here = this.positions.get(message.id) ?? 0;
    const reply = this.chronological
      .slice(0, here)
      .findLast((earlier) => earlier.thread_parent_id === rootId && earlier.author_id !== message.author_id);
    const root = this.rootMessage(rootId);
    return reply ?? (root !== null && root.author_id !== message.author_id ? root : null);
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

  noteQuestion(rootId: string, question: NormalizedMessage): void {
    const askers = this.askers.get(rootId) ?? new Set<string | null>();
    askers.add(question.author_id);
    this.askers.set(rootId, askers);
    this.latestQuestions.set(rootId, question);
  }

  noteProposal(rootId: string, message: NormalizedMessage, text: string): void {
    const proposal = { messageId: message.id, authorId: message.author_id, text };
    this.proposals.set(rootId, [...(this.proposals.get(rootId) ?? []), proposal]);
    if (!this.proposalsByMessage.has(message.id)) this.proposalsByMessage.set(message.id, proposal);
  }

  /**
   * The proposal a message may agree to: the latest one someone else made in its thread (root or an
   * earlier reply), or, in chat without threads, one its addressee made in the few messages before it.
   */
  proposalBefore(message: NormalizedMessage, gazetteer: Gazetteer): Proposal | null {
    if (message.thread_parent_id !== null) return this.proposalInThread(message);
    const addressee = addresseeOf(message, gazetteer);
    if (addressee === null) return null;
    const earlier = this.earlier(message).find(
      (candidate) => candidate.author_id === addressee && this.proposalsByMessage.has(candidate.id),
    );
    return earlier ? this.proposalsByMessage.get(earlier.id)! : null;
  }

  /**
   * The message replies in a thread someone else opened, asked or proposed in: a choice said there
   * ("let's exempt internal keys for now") settles what the thread discussed.
   */
  isDiscussion(message: NormalizedMessage): boolean {
    const rootId = message.thread_parent_id;
    if (rootId === null) return false;
    const opener = this.rootMessage(rootId)?.author_id ?? null;
    return (
      (opener !== null && opener !== message.author_id) ||
      this.hasQuestionFromOther(rootId, message.author_id) ||
      this.proposalInThread(message) !== null
    );
  }

  private proposalInThread(message: NormalizedMessage): Proposal | null {
    const inThread = (this.proposals.get(message.thread_parent_id ?? '') ?? []).filter(
      (proposal) => proposal.authorId !== message.author_id && proposal.messageId !== message.id,
    );
    return inThread.at(-1) ?? null;
  }

  addRequest(rootId: string, request: Request): void {
    const requests = this.requests.get(rootId) ?? new Map<string, Request>();
    requests.set(request.owner, request);
    this.requests.set(rootId, requests);
    this.addTask(rootId, request.owner);
  }

  /** What the person was asked in the thread, if anything. */
  requestOf(rootId: string, owner: string): Request | null {
    return this.requests.get(rootId)?.get(owner) ?? null;
  }

  noteDecision(rootId: string, subject: string): void {
    this.decisions.set(rootId, subject);
  }

  latestDecision(rootId: string): string | null {
    return this.decisions.get(rootId) ?? null;
  }

  /** The latest question the person asked in the few batch messages just before this one. */
  private recentQuestion(personId: string, message: NormalizedMessage, gazetteer: Gazetteer): NormalizedMessage | null {
    return (
      this.earlier(message).find(
        (earlier) => earlier.author_id === personId && this.asked(earlier) && askedOf(earlier, message, gazetteer),
      ) ?? null
    );
  }

  /** The batch messages before this one within the window, latest first. */
  private earlier(message: NormalizedMessage): NormalizedMessage[] {
    const here = this.positions.get(message.id);
    if (here === undefined) return [];
    const since = Date.parse(message.timestamp);
    return this.chronological
      .slice(Math.max(0, here - ADDRESSED_ANSWER_WINDOW_MESSAGES), here)
      .reverse()
      .filter((earlier) => !(since - this.times.get(earlier.id)! > ADDRESSED_ANSWER_WINDOW_MS));
  }

  private asked(message: NormalizedMessage): boolean {
    if (!this.questions.has(message.id))
      this.questions.set(message.id, isWrittenByPerson(message) && (asksQuestion(message) || reportsProblem(message)));
    return this.questions.get(message.id)!;
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

/**
 * A question said to someone else is theirs to answer: "fooman2011: wake up a PC from the network" does
 * not answer ikonia's "Skunkwaffle: doesn't the applet show any more?".
 */
function askedOf(question: NormalizedMessage, reply: NormalizedMessage, gazetteer: Gazetteer): boolean {
  const askedWhom = addresseeOf(question, gazetteer);
  return askedWhom === null || askedWhom === reply.author_id;
}

/**
 * "my samba share doesn't mount at boot": support chat asks for help by telling the problem; a reply
 * addressed to its author answers it as it would a question.
 */
export const PROBLEM =
  /\b(?:doesn'?t|does not|don'?t|won'?t|can'?t|cannot|couldn'?t|isn'?t|not working|fails?|failed|failing|error|broken|crash(?:es|ed)?|stuck|unable)\b/i;

function reportsProblem(message: NormalizedMessage): boolean {
  return !message.deleted && tellsOwnProblem(message.text);
}

/** "my share doesn't mount", "I can't boot": someone telling a problem of their own, not any negation. */
export function tellsOwnProblem(text: string): boolean {
  return PROBLEM.test(text) && /(?:^|[^\p{L}'’])(?:i|i'm|im|my|me)(?![\p{L}'’])/iu.test(text);
}

/** It asks something to be told; a request asked as a question ("can you add them?") is answered by doing it. */
function asksQuestion(message: NormalizedMessage): boolean {
  if (message.deleted) return false;
  return splitSentences(prepareMessageText(message.text)).some(
    (sentence) => isQuestion(sentence) && requestedWork(sentence) === null,
  );
}
