import type { NormalizedMessage } from '@atlas/events';
import type { ExtractionContext, GazetteerPerson } from '../contracts';
import { normalizeName } from '../names';

export interface KnownPerson {
  id: string;
  name: string;
}

/**
 * The people a model's answer may name: the channel's people, the batch's authors and mentions. A
 * person is found by id, else by a name or alias only one of them has, else by a first name only
 * one of them has; anyone else is unknown, and a fact never names an unknown person.
 */
export class PeopleOfBatch {
  private readonly byId = new Map<string, KnownPerson>();
  private readonly byName = new Map<string, Set<string>>();
  private readonly byFirstName = new Map<string, Set<string>>();
  private readonly allNames = new Set<string>();

  constructor(messages: readonly NormalizedMessage[], context: ExtractionContext) {
    for (const person of context.people) this.add(person);
    for (const message of messages) {
      if (message.author_id !== null) {
        this.add({ id: message.author_id, name: message.author_name ?? message.author_id, aliases: [] });
      }
      for (const mention of message.mentions) this.add({ ...mention, aliases: [] });
    }
  }

  /** Everyone, for the prompt. */
  list(): KnownPerson[] {
    return [...this.byId.values()];
  }

  /** Every name and alias anyone goes by, as written. */
  names(): string[] {
    return [...this.allNames];
  }

  resolve(personId: string | null, name: string): KnownPerson | null {
    const byId = personId === null ? undefined : this.byId.get(personId);
    if (byId) return byId;
    const normalized = normalizeName(name);
    return this.only(this.byName.get(normalized)) ?? this.only(this.byFirstName.get(normalized));
  }

  private add(person: GazetteerPerson): void {
    if (!this.byId.has(person.id)) this.byId.set(person.id, { id: person.id, name: person.name });
    for (const name of [person.name, ...person.aliases]) {
      const normalized = normalizeName(name);
      if (normalized === '') continue;
      this.allNames.add(name);
      index(this.byName, normalized, person.id);
      index(this.byFirstName, normalized.split(' ')[0], person.id);
    }
  }

  private only(ids: ReadonlySet<string> | undefined): KnownPerson | null {
    if (ids?.size !== 1) return null;
    return this.byId.get([...ids][0]) ?? null;
  }
}

function index(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key) ?? new Set<string>();
  ids.add(id);
  map.set(key, ids);
}
