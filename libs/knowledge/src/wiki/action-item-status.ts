import type { WikiFact } from '../contracts';
import { compareNewestFirst } from './fact-order';
import type { WikiIndex } from './wiki-index';

export interface ActionItemEntry {
  /** The item as it now stands: the latest action item of its chain (a report of finished work alone is its own item). */
  current: WikiFact;
  /** Earlier versions it replaced: reassigned, or with a moved deadline. Newest first. */
  earlier: WikiFact[];
  /** The request phrased as a question that asked for it ("can you write the postmortem?"), if any. */
  request: WikiFact | null;
  /** The fact that reported it done (`current` itself when its own text reports it finished); null while open. */
  doneBy: WikiFact | null;
  /** A later fact on the same task that is neither an action item nor its completion (a moved deadline). */
  update: WikiFact | null;
  /**
   * Who asked for it when that is not its owner and no question asked for it: the author of a request
   * written to its owner ("@Dev please add a note to the release notes"), which the text does not say.
   */
  askedBy: string | null;
  /** Its owner's name; null when it has none (a request to everyone: "please comment by Thursday"). */
  owner: string | null;
  /** Who it is for, as other pages group it: the owner, else the author. */
  assignee: string;
}

/**
 * The channel's action items: one entry per chain of action items on one deadline or owner subject
 * (see Fact.subject: "Carla takes the postmortem, due Monday" replaces "Ben will write the postmortem
 * by Friday"), and one per item on a task subject, which is its owner's in a thread: one thread often
 * gives its owner several tasks ("I'll take the upgrade", "I'll write a replay script"), each open or
 * done on its own, and a later one does not replace an earlier one.
 * Whether an item is done, and by which fact, is the read model's `state` and `closed_by`
 * (deriveFactStates): the wiki only shows it. Open items first, then done ones; newest first within each.
 */
export function actionItemsOf(index: WikiIndex): ActionItemEntry[] {
  const closing = new Set(
    index.newestFirst.flatMap((fact) =>
      fact.closed_by !== null && fact.closed_by !== fact.id ? [fact.closed_by] : [],
    ),
  );
  const chains = new Map<string, { end: WikiFact; items: WikiFact[] }>();
  const endOf = chainEnds(index);
  for (const fact of index.newestFirst) {
    if (fact.type !== 'action_item') continue;
    // A report that closed an item is shown as that item's completion, not as an item of its own.
    if (fact.reports_done === true && closing.has(fact.id)) continue;
    const end = endOf(fact);
    const key = fact.subject?.startsWith('task:') ? fact.id : end.id;
    const chain = chains.get(key) ?? { end, items: [] };
    chain.items.push(fact);
    chains.set(key, chain);
  }
  const entries = [...chains.values()].map(({ end, items }): ActionItemEntry => {
    const [current, ...earlier] = items;
    const doneBy = current.state === 'done' ? (index.fact(current.closed_by) ?? current) : null;
    const isUpdate = end.type !== 'action_item' && end.type !== 'question' && end.reports_done !== true;
    const owner = ownerName(index, current);
    return {
      current,
      earlier,
      request: requestOf(index, items.at(-1)!),
      doneBy,
      update: doneBy === null && isUpdate && end.valid_at > current.valid_at ? end : null,
      owner,
      askedBy: owner !== null && !ownedByAuthor(current) ? index.authorName(current) : null,
      assignee: owner ?? index.authorName(current),
    };
  });
  return entries.sort(
    (a, b) => Number(a.doneBy !== null) - Number(b.doneBy !== null) || compareNewestFirst(a.current, b.current),
  );
}

/** The last fact of the supersession chain each fact is in (memoized: chains are walked once). */
function chainEnds(index: WikiIndex): (fact: WikiFact) => WikiFact {
  const lastOf = new Map<string, WikiFact>();
  return (fact) => {
    const path: WikiFact[] = [];
    const seen = new Set<string>();
    let cursor = fact;
    for (;;) {
      const known = lastOf.get(cursor.id);
      if (known) {
        cursor = known;
        break;
      }
      path.push(cursor);
      seen.add(cursor.id);
      const next = index.fact(cursor.superseded_by);
      if (!next || seen.has(next.id)) break;
      cursor = next;
    }
    for (const step of path) lastOf.set(step.id, cursor);
    return cursor;
  };
}

/** The question just before the chain's first item on its task: the request the item took on. */
function requestOf(index: WikiIndex, first: WikiFact): WikiFact | null {
  const before = index.fact(first.supersedes);
  return before?.type === 'question' ? before : null;
}

function ownedByAuthor(fact: WikiFact): boolean {
  return fact.source.author_id !== null && fact.owner === `person:${fact.source.author_id}`;
}

function ownerName(index: WikiIndex, fact: WikiFact): string | null {
  const owner = fact.owner ?? null;
  if (owner === null) return null;
  return index.nameOf(fact, owner) ?? (owner === `person:${fact.source.author_id}` ? index.authorName(fact) : null);
}
