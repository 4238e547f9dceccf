import type { MessageMention } from '@atlas/events';

/** Directories larger than this make mention matching cost more than it gives: beyond it, names are not added. */
const MAX_PEOPLE = 10_000;

/**
 * The people who wrote in an imported channel, by display name. Files without mention markup (CSV and
 * JSONL imports, DCE's CSV) write a mention as `@Name`: an `@` followed by the name of someone who
 * wrote in the channel is taken for a mention of them, the longest name winning (`@Ben Okafor` over
 * `@Ben`). People who never wrote there cannot be told from any other `@` and are not listed.
 */
export class KnownPeople {
  private readonly byName = new Map<string, string>();
  private longestFirst: string[] | null = null;

  add(id: string | null, name: string | null): void {
    if (!name || this.byName.has(name) || this.byName.size >= MAX_PEOPLE) return;
    this.byName.set(name, id ?? name);
    this.longestFirst = null;
  }

  mentionsIn(text: string): MessageMention[] {
    if (!text.includes('@') || this.byName.size === 0) return [];
    this.longestFirst ??= [...this.byName.keys()].sort((a, b) => b.length - a.length);
    const mentions: MessageMention[] = [];
    const seen = new Set<string>();
    for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      const name = this.longestFirst.find(
        (candidate) => text.startsWith(candidate, at + 1) && endsWord(text, at + 1 + candidate.length),
      );
      if (name === undefined || seen.has(name)) continue;
      seen.add(name);
      mentions.push({ id: this.byName.get(name)!, name });
    }
    return mentions;
  }
}

function endsWord(text: string, index: number): boolean {
  return index >= text.length || !/[\p{L}\p{N}_]/u.test(text[index]);
}
