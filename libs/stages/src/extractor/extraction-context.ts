import type { NormalizedMessage } from '@atlas/events';
import type { ExtractionContext, GazetteerPerson } from '@atlas/knowledge';
import { KnowledgeQueries, messageOfDoc } from '@atlas/read-models';

const PERSON_KEY_PREFIX = 'person:';

/** Reads back the messages of a batch this job already met, by the log sequence of its MessagesFetched. */
export type BatchMessagesAt = (seq: number) => Promise<readonly NormalizedMessage[]>;

/**
 * What the extractor of one job knows beyond a batch: the channel's people (a gazetteer that grows
 * with every author and mention it meets) and the thread roots it has seen, so a reply in a later
 * batch is read as the answer to its question.
 *
 * All of it is a function of the log: the people of the channel's graph at the job's start, then the
 * job's batches in log order. A restarted extractor replays (`remember`) the batches an earlier attempt
 * extracted before it extracts the next one, and a thread parent is read either from the job's own batches
 * (in the log) or, when the job never met it, from the messages stored before the job started — never from
 * what the projector happened to store of this job so far.
 */
export class ChannelExtractionContext {
  private readonly people = new Map<string, GazetteerPerson>();
  private readonly threadRoots = new Map<string, NormalizedMessage>();
  /** Every top-level message the job met (a reply is never a thread parent): the sequence of its latest batch. */
  private readonly batchSeqOf = new Map<string, number>();

  constructor(
    private readonly channelId: string,
    private readonly channelName: string,
    private readonly knowledge: KnowledgeQueries,
    /** People the channel's graph knew when the job started, under every name it had for them. */
    knownPeople: readonly GazetteerPerson[],
    /** Log sequence of the job's SyncStarted: stored messages from before it are the channel's history. */
    private readonly startedSeq: number,
    private readonly batchMessagesAt: BatchMessagesAt,
  ) {
    knownPeople.forEach((person) => this.people.set(person.id, person));
  }

  /** Takes in a batch an earlier attempt of the job extracted, as extracting it did, without extracting it. */
  remember(messages: readonly NormalizedMessage[], seq: number): void {
    this.meetAll(messages, seq);
    this.rememberRoots(messages);
  }

  /** The context to extract the batch at log sequence `seq` in; the batch is remembered for the ones after. */
  async forBatch(messages: readonly NormalizedMessage[], seq: number): Promise<ExtractionContext> {
    this.meetAll(messages, seq);
    const inBatch = new Set(messages.map((message) => message.id));
    const wanted = [
      ...new Set(messages.flatMap((m) => (m.thread_parent_id !== null ? [m.thread_parent_id] : []))),
    ].filter((id) => !inBatch.has(id));
    const loaded = await this.threadRootsMet(wanted.filter((id) => !this.threadRoots.has(id)));
    const threadParents = new Map(
      wanted.flatMap((id) => {
        const parent = this.threadRoots.get(id) ?? loaded.get(id);
        return parent ? [[id, parent] as const] : [];
      }),
    );
    this.rememberRoots(messages);
    return {
      channel_id: this.channelId,
      channel_name: this.channelName,
      people: [...this.people.values()],
      thread_parents: threadParents,
    };
  }

  private meetAll(messages: readonly NormalizedMessage[], seq: number): void {
    for (const message of messages) {
      if (message.author_id !== null) this.meet(message.author_id, message.author_name);
      message.mentions.forEach((mention) => this.meet(mention.id, mention.name));
      if (message.thread_parent_id === null) this.batchSeqOf.set(message.id, seq);
    }
  }

  /** Only roots are asked for later: a batch's replies never are. */
  private rememberRoots(messages: readonly NormalizedMessage[]): void {
    messages.filter((m) => m.reply_count > 0).forEach((m) => this.threadRoots.set(m.id, m));
  }

  /**
   * Thread parents that are not remembered roots, read where the job met them (not kept: what is read again
   * later is read again the same way, however the job was restarted in between).
   */
  private async threadRootsMet(ids: readonly string[]): Promise<Map<string, NormalizedMessage>> {
    const found = new Map<string, NormalizedMessage>();
    const ofJob = ids.filter((id) => this.batchSeqOf.has(id));
    for (const seq of new Set(ofJob.map((id) => this.batchSeqOf.get(id)!))) {
      const wanted = new Set(ofJob.filter((id) => this.batchSeqOf.get(id) === seq));
      // A later copy in the same batch wins, as in extraction.
      for (const message of await this.batchMessagesAt(seq)) if (wanted.has(message.id)) found.set(message.id, message);
    }
    const history = ids.filter((id) => !this.batchSeqOf.has(id));
    if (history.length === 0) return found;
    for (const doc of await this.knowledge.messages(this.channelId, history)) {
      // Stored first by this job (a later batch the projector already applied): not history, and not met yet.
      if ((doc.first_seq ?? 0) < this.startedSeq) found.set(doc.message_id, messageOfDoc(doc));
    }
    return found;
  }

  private meet(id: string, name: string | null): void {
    const known = this.people.get(id);
    if (!known) {
      this.people.set(id, { id, name: name ?? id, aliases: [] });
      return;
    }
    if (name !== null && name !== known.name && !known.aliases.includes(name)) {
      this.people.set(id, { ...known, aliases: [...known.aliases, name] });
    }
  }
}

/** The people of a channel's graph as a gazetteer: a person entity's key carries the platform user id. */
export function gazetteerOf(entities: ReadonlyArray<{ key: string; type: string; name: string; aliases: string[] }>) {
  return entities
    .filter((entity) => entity.type === 'person' && entity.key.startsWith(PERSON_KEY_PREFIX))
    .map((entity): GazetteerPerson => ({
      id: entity.key.slice(PERSON_KEY_PREFIX.length),
      name: entity.name,
      aliases: entity.aliases,
    }));
}
