import { stableId } from '@atlas/common';
import type { EntityUpsert, Fact, NormalizedMessage, RelationUpsert } from '@atlas/events';
import type { ReadModelStore } from '@atlas/store';
import { EntityDoc, FactDoc, MessageDoc, RELATION_EVIDENCE_CAP, RelationDoc } from '../documents';
import { messageDocId } from './channels.projection';
import { contentSeq } from './message-changes';
import { restateFacts } from './fact-states';
import { relinkSupersession } from './fact-supersession';
import { applyOnceToEach, Projection } from './projection';
import { retractEvidence, withdrawnFacts } from './retract-evidence';
import { projectWikiIndex, projectWikiPage } from './wiki-pages.projection';

export const entityIdForKey = (key: string) => stableId('ent', key);
/** Entity names sort case- and width-insensitively; the id breaks ties so the order is total. */
export const entitySortKey = (name: string, id: string) => `${name.normalize('NFKC').toLowerCase().trim()}|${id}`;

/** Messages, facts, the graph and wiki pages: what the stages produced. */
export const projectKnowledge: Projection = async (tx, { seq, event }) => {
  switch (event.type) {
    case 'MessagesFetched': {
      const { channel_id, job_id } = event.data;
      await applyOnceToEach<MessageDoc, NormalizedMessage>(
        tx,
        'messages',
        seq,
        event.data.messages,
        (message) => messageDocId(channel_id, message.id),
        (message, current) => {
          const { id: messageId, ...fields } = message;
          return {
            ...fields,
            message_id: messageId,
            job_id,
            first_seq: current?.first_seq ?? seq,
            content_seq: contentSeq(message, current, seq),
            facts_seq: current?.facts_seq ?? null,
          };
        },
      );
      return;
    }
    case 'FactsExtracted': {
      const { channel_id, job_id } = event.data;
      // Each message remembers the event that last gave it its facts: an older one replayed changes nothing.
      const messages = await tx.getMany<MessageDoc>(
        'messages',
        event.data.message_ids.map((id) => messageDocId(channel_id, id)),
      );
      const settled = new Set(messages.filter((doc) => (doc.facts_seq ?? 0) >= seq).map((doc) => doc.message_id));
      const message_ids = event.data.message_ids.filter((id) => !settled.has(id));
      if (message_ids.length === 0) return;
      const facts = event.data.facts.filter((fact) => !settled.has(fact.message_id));
      const previous = await tx.find<FactDoc>('facts', { where: { channel_id, message_id: { $in: message_ids } } });
      // A message's facts are replaced as a whole: re-extracting it never leaves stale or double facts.
      await tx.deleteWhere('facts', { channel_id, message_id: { $in: message_ids } });
      await tx.putMany(
        'facts',
        facts.map((fact) => factDoc(fact, job_id, seq, previous)),
      );
      await tx.putMany(
        'messages',
        messages.filter((doc) => !settled.has(doc.message_id)).map((doc) => ({ ...doc, facts_seq: seq })),
      );
      await retractEvidence(tx, channel_id, withdrawnFacts(previous, facts), seq);
      await relinkSupersession(
        tx,
        channel_id,
        [...previous, ...facts].map((fact) => fact.subject),
        seq,
      );
      await restateFacts(tx, channel_id, { messageIds: message_ids, touched: [...previous, ...facts] }, seq);
      return;
    }
    case 'GraphUpdated': {
      const { job_id, entities, relations } = event.data;
      await applyOnceToEach<EntityDoc, EntityUpsert>(
        tx,
        'entities',
        seq,
        entities,
        (e) => e.id,
        (e, current) => mergedEntity(e, current, job_id, seq),
      );
      await applyOnceToEach<RelationDoc, RelationUpsert>(
        tx,
        'relations',
        seq,
        relations,
        (r) => r.id,
        (r, current) => mergedRelation(r, current, seq),
      );
      await pointFactsAtResolvedEntities(tx, entities, seq);
      return;
    }
    case 'WikiPageGenerated':
      await projectWikiPage(tx, event, seq);
      return;
    case 'WikiGenerated':
      await projectWikiIndex(tx, event, seq);
      return;
  }
};

/**
 * A fact names its entities by key; until the graph resolves them each stands for the entity of its
 * own key. A re-extracted fact keeps what the graph already resolved for it.
 */
function factDoc({ id, ...fact }: Fact, jobId: string, seq: number, previous: readonly FactDoc[]): FactDoc {
  const earlier = previous.find((doc) => doc.id === id);
  const sameEntities =
    earlier !== undefined &&
    earlier.entities.map((e) => e.key).join('\n') === fact.entities.map((e) => e.key).join('\n');
  return {
    ...fact,
    id,
    job_id: jobId,
    entity_ids: sameEntities ? earlier.entity_ids : [...new Set(fact.entities.map((e) => entityIdForKey(e.key)))],
    supersedes: earlier?.supersedes ?? null,
    superseded_by: earlier?.superseded_by ?? null,
    state: earlier?.state ?? null,
    closed_by: earlier?.closed_by ?? null,
    sort_key: `${fact.valid_at}|${id}`,
    last_seq: seq,
  };
}

/**
 * The graph may resolve a fact's key into another entity (an alias, a near-duplicate name): the
 * facts it names then point at that entity, so "facts about this entity" finds them.
 */
async function pointFactsAtResolvedEntities(tx: ReadModelStore, entities: EntityUpsert[], seq: number): Promise<void> {
  const replacements = new Map<string, Map<string, string>>();
  for (const entity of entities) {
    const aliasIds = entity.keys.map(entityIdForKey).filter((id) => id !== entity.id);
    if (aliasIds.length === 0) continue;
    for (const factId of entity.fact_ids) {
      const forFact = replacements.get(factId) ?? new Map<string, string>();
      aliasIds.forEach((aliasId) => forFact.set(aliasId, entity.id));
      replacements.set(factId, forFact);
    }
  }
  if (replacements.size === 0) return;
  const facts = await tx.getMany<FactDoc>('facts', [...replacements.keys()]);
  const changed = facts.flatMap((fact) => {
    const forFact = replacements.get(fact.id)!;
    const entityIds = [...new Set(fact.entity_ids.map((id) => forFact.get(id) ?? id))];
    return entityIds.join() === fact.entity_ids.join()
      ? []
      : [{ ...fact, entity_ids: entityIds, last_seq: Math.max(fact.last_seq, seq) }];
  });
  if (changed.length > 0) await tx.putMany('facts', changed);
}

function mergedEntity(upsert: EntityUpsert, current: EntityDoc | null, jobId: string, seq: number) {
  if (!current) {
    return {
      key: upsert.key,
      name: upsert.name,
      type: upsert.type,
      kind: upsert.kind,
      aliases: [...upsert.aliases].sort(),
      keys: [...new Set([upsert.key, ...upsert.keys])],
      sort_key: entitySortKey(upsert.name, upsert.id),
      channel_ids: [upsert.channel_id],
      created_by_job: jobId,
      created_seq: seq,
    };
  }
  const names = new Set([...current.aliases, ...upsert.aliases, upsert.name]);
  names.delete(current.name);
  const { id: _id, last_seq: _seq, ...fields } = current;
  return {
    ...fields,
    // The graph only ever makes a type more specific (a topic that turns out to be a project).
    type: upsert.type,
    kind: upsert.kind ?? current.kind ?? null,
    aliases: [...names].sort(),
    keys: [...new Set([...(current.keys ?? [current.key]), ...upsert.keys])],
    channel_ids: [...new Set([...current.channel_ids, upsert.channel_id])].sort(),
  };
}

function mergedRelation(upsert: RelationUpsert, current: RelationDoc | null, seq: number) {
  const evidence = [...new Set([...(current?.fact_ids ?? []), ...upsert.fact_ids])].slice(0, RELATION_EVIDENCE_CAP);
  return {
    type: upsert.type,
    source_id: upsert.source_id,
    target_id: upsert.target_id,
    channel_ids: [...new Set([...(current?.channel_ids ?? []), upsert.channel_id])].sort(),
    fact_ids: evidence,
    weight: evidence.length,
    created_seq: current?.created_seq ?? seq,
  };
}
