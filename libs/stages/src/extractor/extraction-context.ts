import type { NormalizedMessage } from '@atlas/events';
import type { ExtractionContext, GazetteerPerson } from '@atlas/knowledge';
import { KnowledgeQueries, MessageDoc, messageOfDoc } from '@atlas/read-models';

const PERSON_KEY_PREFIX = 'person:';

/**
 * What the extractor of one job knows beyond a batch: the channel's people (a gazetteer that grows
 * with every author and mention it meets) and the thread roots it has seen, so a reply in a later
 * batch is read as the answer to its question.
 */
export class ChannelExtractionContext {
  private readonly people = new Map<string, GazetteerPerson>();
  private readonly threadRoots = new Map<string, NormalizedMessage>();

  constructor(
    private readonly channelId: string,
    private readonly channelName: string,
    private readonly knowledge: KnowledgeQueries,
    /** People the channel's graph already knows, under every name it has for them. */
    knownPeople: readonly GazetteerPerson[],
  ) {
    knownPeople.forEach((person) => this.people.set(person.id, person));
  }

  async forBatch(messages: readonly NormalizedMessage[]): Promise<ExtractionContext> {
    for (const message of messages) {
      if (message.author_id !== null) this.meet(message.author_id, message.author_name);
      message.mentions.forEach((mention) => this.meet(mention.id, mention.name));
    }
    const inBatch = new Set(messages.map((message) => message.id));
    const wanted = [
      ...new Set(messages.flatMap((m) => (m.thread_parent_id !== null ? [m.thread_parent_id] : []))),
    ].filter((id) => !inBatch.has(id));
    const unseen = wanted.filter((id) => !this.threadRoots.has(id));
    if (unseen.length > 0) {
      const stored: MessageDoc[] = await this.knowledge.messages(this.channelId, unseen);
      stored.forEach((doc) => this.threadRoots.set(doc.message_id, messageOfDoc(doc)));
    }
    const threadParents = new Map(
      wanted.flatMap((id) => {
        const parent = this.threadRoots.get(id);
        return parent ? [[id, parent] as const] : [];
      }),
    );
    // Only roots are asked for later: a batch's replies never are.
    messages.filter((m) => m.reply_count > 0).forEach((m) => this.threadRoots.set(m.id, m));
    return {
      channel_id: this.channelId,
      channel_name: this.channelName,
      people: [...this.people.values()],
      thread_parents: threadParents,
    };
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
