import { deriveFactStates } from '@atlas/events';
import type { ReadModelStore } from '@atlas/store';
import type { FactDoc } from '../documents';

/** The facts whose state later facts decide: decisions, action items, and what reports work done or names an owner. */
const STATEFUL_TYPES = ['decision', 'action_item'];

/**
 * Stores the state (`state`, `closed_by`) of each decision and action item a batch can change, as
 * `deriveFactStates` decides it: a state depends only on facts of the same subject (a task's thread, a
 * decision's chain) or the same owner (a report elsewhere), so the facts read are those sharing a subject
 * or an owner with the batch's facts, widened until every task read has all of its own in. Recomputed after
 * every batch: a report arriving in a later sync closes an earlier task, an edit or deletion of the report
 * reopens it, and replay gives the same. A channel's whole history is never read for one batch.
 */
export async function restateFacts(
  tx: ReadModelStore,
  channelId: string,
  batch: { messageIds: readonly string[]; touched: readonly { subject: string | null; owner?: string | null }[] },
  seq: number,
): Promise<void> {
  const facts = await relatedFacts(tx, channelId, batch.messageIds, batch.touched);
  if (facts.length === 0) return;
  const states = deriveFactStates(facts.map((fact) => ({ ...fact, superseded_by: fact.superseded_by ?? null })));
  const changed: FactDoc[] = [];
  for (const fact of facts) {
    if (!STATEFUL_TYPES.includes(fact.type)) continue;
    const derived = states.get(fact.id) ?? { state: null, closed_by: null };
    if ((fact.state ?? null) !== derived.state || (fact.closed_by ?? null) !== derived.closed_by) {
      changed.push({ ...fact, ...derived, last_seq: Math.max(fact.last_seq, seq) });
    }
  }
  if (changed.length > 0) await tx.putMany('facts', changed);
}

/**
 * The stateful and reporting facts of the batch's messages, and of the channel sharing a subject or an owner
 * with them or with the facts they replaced, closed over both.
 */
async function relatedFacts(
  tx: ReadModelStore,
  channelId: string,
  messageIds: readonly string[],
  touched: readonly { subject: string | null; owner?: string | null }[],
): Promise<FactDoc[]> {
  // The batch's own facts first: one with neither subject nor owner still needs its state.
  const own = await tx.find<FactDoc>('facts', {
    where: { channel_id: channelId, message_id: { $in: [...messageIds] } },
  });
  const found = new Map<string, FactDoc>(
    own
      .filter((fact) => STATEFUL_TYPES.includes(fact.type) || fact.reports_done === true)
      .map((fact) => [fact.id, fact]),
  );
  const seeds = [...touched, ...found.values()];
  const subjects = new Set<string>();
  const owners = new Set<string>();
  let newSubjects = [...new Set(seeds.flatMap((fact) => (fact.subject ? [fact.subject] : [])))];
  let newOwners = [...new Set(seeds.flatMap((fact) => (fact.owner ? [fact.owner] : [])))];
  while (newSubjects.length > 0 || newOwners.length > 0) {
    newSubjects.forEach((subject) => subjects.add(subject));
    newOwners.forEach((owner) => owners.add(owner));
    const read = [
      ...(newSubjects.length > 0
        ? await tx.find<FactDoc>('facts', { where: { channel_id: channelId, subject: { $in: newSubjects } } })
        : []),
      ...(newOwners.length > 0
        ? await tx.find<FactDoc>('facts', { where: { channel_id: channelId, owner: { $in: newOwners } } })
        : []),
    ].filter((fact) => STATEFUL_TYPES.includes(fact.type) || fact.reports_done === true);
    const added = read.filter((fact) => !found.has(fact.id));
    added.forEach((fact) => found.set(fact.id, fact));
    newSubjects = [
      ...new Set(added.flatMap((fact) => (fact.subject && !subjects.has(fact.subject) ? [fact.subject] : []))),
    ];
    newOwners = [...new Set(added.flatMap((fact) => (fact.owner && !owners.has(fact.owner) ? [fact.owner] : [])))];
  }
  return [...found.values()];
}
