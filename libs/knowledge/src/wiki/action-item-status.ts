import type { WikiFact } from '../contracts';
import { compareNewestFirst } from './fact-order';
import type { WikiIndex } from './wiki-index';

/** Words of a reply that reports a task finished. */
const COMPLETION =
  /\b(done|finished|completed?|fixed|shipped|merged|deployed|resolved|closed|is (up|live|ready)|are (up|live|ready))\b/i;

/** A message that opens by saying the work is finished. */
const REPORTS_DONE = /^(done|fixed|finished|completed|shipped|merged|deployed)\b/i;

export interface ActionItemEntry {
  /** The item as it now stands: the latest action item of its chain. */
  current: WikiFact;
  /** Earlier versions it replaced: reassigned, or with a moved deadline. Newest first. */
  earlier: WikiFact[];
  /** The fact reporting it done; null while open. */
  doneBy: WikiFact | null;
  /** A later fact on the same subject that is neither an action item nor its completion (a moved deadline). */
  update: WikiFact | null;
  /** Who it is for: the person its subject names, else the first person it names besides its author, else the author. */
  assignee: string;
}

/**
 * The channel's action items, one entry per chain of facts on one subject (see Fact.subject): an
 * item superseded by another action item was changed, by any other fact that reports it finished —
 * or that replies on its task — was done. Open items first, then done ones; newest first within each.
 */
export function actionItemsOf(index: WikiIndex): ActionItemEntry[] {
  const lastOf = new Map<string, WikiFact>();
  const chainEnd = (fact: WikiFact): WikiFact => {
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
  const chains = new Map<string, { end: WikiFact; items: WikiFact[] }>();
  for (const fact of index.newestFirst) {
    if (fact.type !== 'action_item') continue;
    const end = chainEnd(fact);
    const chain = chains.get(end.id) ?? { end, items: [] };
    chain.items.push(fact);
    chains.set(end.id, chain);
  }
  const entries = [...chains.values()].map(({ end, items }): ActionItemEntry => {
    // A reply on the task that reports it finished ends it even when it reads like one more task ("Done: #820").
    const reportsDone = end.type === 'action_item' && items.length > 1 && REPORTS_DONE.test(end.text);
    const [current, ...earlier] = reportsDone ? items.slice(1) : items;
    const finished = reportsDone || (end.type !== 'action_item' && isCompletion(end));
    const update = end.type !== 'action_item' && !finished ? end : null;
    return { current, earlier, doneBy: finished ? end : null, update, assignee: assigneeOf(index, current) };
  });
  return entries.sort(
    (a, b) => Number(a.doneBy !== null) - Number(b.doneBy !== null) || compareNewestFirst(a.current, b.current),
  );
}

function isCompletion(fact: WikiFact): boolean {
  return (fact.subject?.startsWith('task:') ?? false) || COMPLETION.test(fact.text);
}

function assigneeOf(index: WikiIndex, fact: WikiFact): string {
  const assignee = /:person:([^:]+)$/.exec(fact.subject ?? '')?.[1];
  const fromSubject = assignee === undefined ? null : index.nameOf(fact, `person:${assignee}`);
  if (fromSubject !== null) return fromSubject;
  const authorKey = fact.source.author_id === null ? null : `person:${fact.source.author_id}`;
  const other = fact.entities.find((entity) => entity.type === 'person' && entity.key !== authorKey);
  return (other && index.nameOf(fact, other.key)) ?? index.authorName(fact);
}
