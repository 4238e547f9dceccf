import type { ReadModelStore } from '@atlas/store';
import type { EntityDoc, FactDoc, RelationDoc } from '../documents';

/**
 * Takes out of the graph what facts that no longer stand (their message was edited or deleted) gave
 * it: each relation loses them as evidence and goes once none is left; an entity no other fact of the
 * channel names leaves the channel, and the graph once no channel has it. What the message's new facts
 * say is added back by the GraphUpdated of the same batch, which follows in the log.
 */
export async function retractEvidence(
  tx: ReadModelStore,
  channelId: string,
  withdrawn: FactDoc[],
  seq: number,
): Promise<void> {
  if (withdrawn.length === 0) return;
  const withdrawnIds = new Set(withdrawn.map((fact) => fact.id));

  const relations = new Map<string, RelationDoc>();
  for (const factId of withdrawnIds) {
    for (const relation of await tx.find<RelationDoc>('relations', { where: { fact_ids: { $contains: factId } } })) {
      relations.set(relation.id, relation);
    }
  }
  for (const relation of relations.values()) {
    if (relation.last_seq >= seq) continue;
    const evidence = relation.fact_ids.filter((id) => !withdrawnIds.has(id));
    if (evidence.length === 0) await tx.delete('relations', relation.id);
    else await tx.put('relations', { ...relation, fact_ids: evidence, weight: evidence.length, last_seq: seq });
  }

  const entityIds = new Set(withdrawn.flatMap((fact) => fact.entity_ids));
  for (const entityId of entityIds) {
    if ((await tx.count('facts', { channel_id: channelId, entity_ids: { $contains: entityId } })) > 0) continue;
    const entity = await tx.get<EntityDoc>('entities', entityId);
    if (!entity || entity.last_seq >= seq) continue;
    const channelIds = entity.channel_ids.filter((id) => id !== channelId);
    if (channelIds.length > 0) {
      await tx.put('entities', { ...entity, channel_ids: channelIds, last_seq: seq });
      continue;
    }
    await tx.delete('entities', entityId);
    await tx.deleteWhere('relations', { source_id: entityId });
    await tx.deleteWhere('relations', { target_id: entityId });
  }
}

/** The facts of `previous` that `next` does not carry over unchanged: their evidence must be withdrawn. */
export function withdrawnFacts(previous: FactDoc[], next: Array<{ id: string; text: string }>): FactDoc[] {
  const kept = new Map(next.map((fact) => [fact.id, fact.text]));
  return previous.filter((fact) => kept.get(fact.id) !== fact.text);
}
