import { normalizeName } from '../names';

export interface NamedPerson {
  key: string;
  names: readonly string[];
}

/**
 * Finds the person a topic really names. Extraction only knows the people of one message, so a
 * capitalized "Ana Lima" or "Ana" written without a mention becomes a topic; it is the person whose
 * name or alias it equals, or, for a lone first name, whose first name it is — when exactly one
 * person fits, since a name two people share identifies neither.
 */
export class PersonNameIndex {
  private readonly keysByName = new Map<string, Set<string>>();
  private readonly keysByFirstName = new Map<string, Set<string>>();

  constructor(people: Iterable<NamedPerson>) {
    for (const person of people) {
      for (const name of person.names) {
        const normalized = normalizeName(name);
        if (normalized === '') continue;
        addTo(this.keysByName, normalized, person.key);
        if (normalized.includes(' ')) addTo(this.keysByFirstName, normalized.split(' ')[0], person.key);
      }
    }
  }

  /** The key of the only person called `name`; null when nobody or several people are. */
  personCalled(name: string): string | null {
    const normalized = normalizeName(name);
    const keys =
      this.keysByName.get(normalized) ?? (normalized.includes(' ') ? undefined : this.keysByFirstName.get(normalized));
    return keys?.size === 1 ? [...keys][0] : null;
  }
}

function addTo(index: Map<string, Set<string>>, name: string, key: string): void {
  const keys = index.get(name) ?? new Set<string>();
  keys.add(key);
  index.set(name, keys);
}
