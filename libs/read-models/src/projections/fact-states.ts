import { deriveFactStates } from '@atlas/events';
import type { ReadModelStore } from '@atlas/store';
import type { FactDoc } from '../documents';

/** The facts whose state later facts decide: decisions, action items, and what reports work done or names an owner. */
const STATEFUL_TYPES = ['decision', 'action_item'];

/**
 * Stores each decision's and action item's state (`state`, `closed_by`) as `deriveFactStates` decides
 * it from the channel's facts present: recomputed after every batch, so a report arriving in a later
 * sync closes an earlier task, an edit or deletion of the report reopens it, and replay gives the same.
 * Reads the channel's decisions, action items and owned or reporting facts, not its whole history.
 */
export async function restateFacts(tx: ReadModelStore, channelId: string, seq: number): Promise<void> {
  const stateful = await tx.find<FactDoc>('facts', { where: { channel_id: channelId, type: { $in: STATEFUL_TYPES } } });
  const reports = await tx.find<FactDoc>('facts', { where: { channel_id: channelId, reports_done: true } });
  const facts = [...stateful, ...reports.filter((fact) => !STATEFUL_TYPES.includes(fact.type))];
  const states = deriveFactStates(facts.map((fact) => ({ ...fact, superseded_by: fact.superseded_by ?? null })));
  const changed: FactDoc[] = [];
  for (const fact of facts) {
    const derived = states.get(fact.id) ?? { state: null, closed_by: null };
    if ((fact.state ?? null) !== derived.state || (fact.closed_by ?? null) !== derived.closed_by) {
      changed.push({ ...fact, ...derived, last_seq: Math.max(fact.last_seq, seq) });
    }
  }
  if (changed.length > 0) await tx.putMany('facts', changed);
}
