import type { FactEntity, MessageMention, NormalizedMessage } from '@atlas/events';
import { normalizeName } from '../names';

export interface KnownPerson {
  id: string;
  name: string;
}

export function personEntity(person: KnownPerson): FactEntity {
  return { key: `person:${person.id}`, name: person.name, type: 'person' };
}

export function authorOf(message: NormalizedMessage): KnownPerson | null {
  if (message.author_id === null) return null;
  return { id: message.author_id, name: message.author_name ?? message.author_id };
}

/**
 * The mentions each fact text contains (`@Ana`, or the raw `<@U1>` when rendering failed). A mention
 * found in none of them still belongs to the message, so it is given to every fact rather than lost.
 */
export function locateMentions(texts: readonly string[], mentions: readonly MessageMention[]): MessageMention[][] {
  const located = texts.map((text) => mentions.filter((mention) => containsMention(text, mention)));
  const unlocated = mentions.filter((mention) => !located.some((found) => found.includes(mention)));
  return located.map((found) => [...found, ...unlocated]);
}

function containsMention(text: string, mention: MessageMention): boolean {
  const lower = text.toLowerCase();
  return lower.includes(`@${mention.name.toLowerCase()}`) || lower.includes(`@${mention.id.toLowerCase()}`);
}

/**
 * Resolves a capitalized phrase to one of the people of the message: its author or someone it
 * mentions. A full name matches; a lone first name matches when exactly one of them has it.
 */
export class PeopleOfMessage {
  private readonly byFullName = new Map<string, KnownPerson>();
  private readonly byFirstName = new Map<string, KnownPerson[]>();

  constructor(people: readonly KnownPerson[]) {
    for (const person of people) {
      const fullName = normalizeName(person.name);
      if (fullName === '' || this.byFullName.has(fullName)) continue;
      this.byFullName.set(fullName, person);
      const firstName = fullName.split(' ')[0];
      const sharing = this.byFirstName.get(firstName) ?? [];
      if (!sharing.some((known) => known.id === person.id)) sharing.push(person);
      this.byFirstName.set(firstName, sharing);
    }
  }

  /** The names as written in the text, longest first, so `@Ana Lima` is masked before `@Ana`. */
  names(): string[] {
    return [...this.byFullName.values()].map((person) => person.name).sort((a, b) => b.length - a.length);
  }

  resolve(phrase: string): KnownPerson | null {
    const name = normalizeName(phrase);
    const exact = this.byFullName.get(name);
    if (exact) return exact;
    const sharing = name.includes(' ') ? undefined : this.byFirstName.get(name);
    return sharing?.length === 1 ? sharing[0] : null;
  }
}
