import { nameWords } from './name-forms';

export interface NamedPerson {
  key: string;
  names: readonly string[];
}

/**
 * Finds the person a non-person name really is. Extraction only knows the people it was told about, so a
 * capitalized "Ana Lima" or "Ana" written without a mention can become a topic; it is the person whose name
 * or alias it equals (compared as words: "ana.lima", "@ana_lima" and "Ana Lima's" are "ana lima"), or, for a
 * lone first name, whose first name it is — when exactly one person fits, since a name two people share
 * identifies neither.
 */
export class PersonNameIndex {
  private readonly keysByName = new Map<string, Set<string>>();
  private readonly keysByFirstName = new Map<string, Set<string>>();

  constructor(people: Iterable<NamedPerson>) {
    for (const person of people) {
      for (const name of person.names) {
        const words = nameWords(name);
        if (words.length === 0) continue;
        addTo(this.keysByName, words.join(' '), person.key);
        if (words.length > 1 && words[0].length > 1) addTo(this.keysByFirstName, words[0], person.key);
      }
    }
  }

  /** The key of the only person called `name` (or, with `firstName`, first-named so); null when none or several. */
  personCalled(name: string, options: { firstName: boolean } = { firstName: true }): string | null {
    const words = nameWords(name);
    const full = words.join(' ');
    const keys =
      this.keysByName.get(full) ??
      (options.firstName && words.length === 1 ? this.keysByFirstName.get(full) : undefined);
    return keys?.size === 1 ? [...keys][0] : null;
  }
}

function addTo(index: Map<string, Set<string>>, name: string, key: string): void {
  const keys = index.get(name) ?? new Set<string>();
  keys.add(key);
  index.set(name, keys);
}
