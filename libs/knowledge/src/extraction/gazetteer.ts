import type { MessageMention, NormalizedMessage } from '@atlas/events';
import type { GazetteerPerson } from '../contracts';
import { normalizeName } from '../names';
import { compareText } from '../ordering';

export interface KnownPerson {
  id: string;
  name: string;
}

/**
 * The people chat may name, under every name they go by. A full name or alias resolves; a lone
 * first name resolves only when one person has it. A message's author and mentions are exact
 * evidence: a gazetteer for the message knows them first, then falls back to the channel's people.
 */
export class Gazetteer {
  private readonly byName = new Map<string, KnownPerson | null>();
  private readonly byFirstName = new Map<string, KnownPerson | null>();
  private readonly spellings: string[] = [];
  private readonly namesById = new Map<string, string>();
  private sortedNames: string[] | null = null;

  constructor(
    people: readonly GazetteerPerson[],
    private readonly fallback: Gazetteer | null = null,
  ) {
    for (const person of people) {
      const known = { id: person.id, name: person.name };
      if (!this.namesById.has(person.id)) this.namesById.set(person.id, person.name);
      for (const spelling of [person.name, ...person.aliases]) this.addName(spelling, known);
    }
  }

  /** The gazetteer of one message: its author and mentions first, then everyone this one knows. */
  forMessage(message: NormalizedMessage): Gazetteer {
    const author = authorOf(message);
    const people = [...(author ? [author] : []), ...message.mentions].map((person) => ({
      id: person.id,
      name: person.name,
      aliases: [],
    }));
    return new Gazetteer(people, this);
  }

  /** The display name of a person the gazetteer knows by id. */
  nameOf(id: string): string | null {
    return this.fallback?.nameOf(id) ?? this.namesById.get(id) ?? null;
  }

  /** Every spelling, longest first, so `@Ana Lima` is found before `@Ana`. */
  names(): string[] {
    this.sortedNames ??= [...new Set([...this.spellings, ...(this.fallback?.names() ?? [])])].sort(
      (a, b) => b.length - a.length || compareText(a, b),
    );
    return this.sortedNames;
  }

  resolve(phrase: string): KnownPerson | null {
    const name = normalizeName(phrase).replace(/['’]s$/, '');
    const exact = this.byName.get(name);
    if (exact !== undefined) return exact;
    const first = name.includes(' ') ? undefined : this.byFirstName.get(name);
    if (first !== undefined && first !== null) return first;
    return this.fallback?.resolve(phrase) ?? null;
  }

  private addName(spelling: string, person: KnownPerson): void {
    const name = normalizeName(spelling);
    // A mention the platform could not name carries its id as name: that is not a spelling.
    if (name === '' || name === person.id.toLowerCase()) return;
    const known = this.byName.get(name);
    if (known === undefined) this.spellings.push(spelling.replace(/^@/, ''));
    // Two people under one name: the name names neither.
    this.byName.set(name, known === undefined || known?.id === person.id ? person : null);
    const first = name.split(' ')[0];
    if (first === name || first.length < 2) return;
    const sharing = this.byFirstName.get(first);
    this.byFirstName.set(first, sharing === undefined || sharing?.id === person.id ? person : null);
  }
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
