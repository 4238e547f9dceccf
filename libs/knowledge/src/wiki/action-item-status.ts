import type { WikiFact } from '../contracts';
import { compareNewestFirst } from './fact-order';
import type { WikiIndex } from './wiki-index';

/** Words that report a piece of work finished: past tense, "done", or a result that is now ready. */
const COMPLETION =
  /\b(?:done|finished|completed|complete(?!\s+(?:the|a|an|this|that|it|them|your|our|my)\b)|fixed|shipped|merged|deployed|resolved|closed|reviewed|checked|tested|verified|landed|released|rolled out|went out|(?:is|are) (?:now )?(?:up|live|ready)(?!\s+(?:for|to)\b))\b/gi;
/** Words just before a completion word that make it a wish, a plan or a condition: "will be fixed", "once merged", "not done". */
const NOT_YET =
  /\b(?:will|'ll|shall|going to|gonna|should|must|can|could|would|might|may|need|needs|please|pls|once|when|whenever|after|until|till|if|unless|before|not|never|be|being|get|gets|getting)\s+(?:\S+\s+){0,2}$|n't\s+(?:\S+\s+){0,2}$/i;
/** "Done by noon" promises a time; it reports nothing finished. */
const PROMISED_TIME =
  /^\s+(?:by|before|until|till)\s+(?:the\s+)?(?:eod|eow|cob|noon|tonight|tomorrow|today|this|next|end|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d)/i;
/** Where a clause ends: the words before a completion word are read within its own clause. */
const CLAUSE_BREAK = /[,;:.!?()—–]/g;

/**
 * Whether a fact's own text reports work finished ("Cutover done at 06:42 UTC.", "Good catches, both
 * fixed.", "Reviewed, left two comments"), rather than asking for it, promising it or making it a condition.
 */
export function reportsCompletion(text: string): boolean {
  const normalized = text.replace(/[’‘]/g, "'").trim();
  if (normalized.endsWith('?')) return false;
  for (const match of normalized.matchAll(COMPLETION)) {
    const start = match.index ?? 0;
    const before = normalized.slice(0, start);
    const clauseStart = Math.max(-1, ...Array.from(before.matchAll(CLAUSE_BREAK), (found) => found.index ?? -1));
    const clause = ` ${before.slice(clauseStart + 1)}`;
    if (NOT_YET.test(clause)) continue;
    if (/^done$/i.test(match[0]) && PROMISED_TIME.test(normalized.slice(start + match[0].length))) continue;
    return true;
  }
  return false;
}

export interface ActionItemEntry {
  /** The item as it now stands: the latest action item of its chain. */
  current: WikiFact;
  /** Earlier versions it replaced: reassigned, or with a moved deadline. Newest first. */
  earlier: WikiFact[];
  /** The fact reporting it done (`current` itself when its own text reports it finished); null while open. */
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
    // A completion reply is typed action_item on purpose: on the task it replies to, it finishes that task
    // ("Done: #820"); alone, it is a task finished as it was reported ("Cutover done at 06:42 UTC.").
    const reportsDone = end.type === 'action_item' && reportsCompletion(end.text);
    const [current, ...earlier] = reportsDone && items.length > 1 ? items.slice(1) : items;
    const finished = reportsDone || (end.type !== 'action_item' && isCompletion(end));
    const update = end.type !== 'action_item' && !finished ? end : null;
    return { current, earlier, doneBy: finished ? end : null, update, assignee: assigneeOf(index, current) };
  });
  return entries.sort(
    (a, b) => Number(a.doneBy !== null) - Number(b.doneBy !== null) || compareNewestFirst(a.current, b.current),
  );
}

function isCompletion(fact: WikiFact): boolean {
  return (fact.subject?.startsWith('task:') ?? false) || reportsCompletion(fact.text);
}

function assigneeOf(index: WikiIndex, fact: WikiFact): string {
  const assignee = /:person:([^:]+)$/.exec(fact.subject ?? '')?.[1];
  const fromSubject = assignee === undefined ? null : index.nameOf(fact, `person:${assignee}`);
  if (fromSubject !== null) return fromSubject;
  const authorKey = fact.source.author_id === null ? null : `person:${fact.source.author_id}`;
  const other = fact.entities.find((entity) => entity.type === 'person' && entity.key !== authorKey);
  return (other && index.nameOf(fact, other.key)) ?? index.authorName(fact);
}
