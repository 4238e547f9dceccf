import { stableId } from '@atlas/common';
import type { EntityUpsert, NormalizedMessage, RelationUpsert } from '@atlas/events';
import type { ReadModelStore } from '@atlas/store';
import { EntityDoc, FactDoc, MessageDoc, RELATION_EVIDENCE_CAP, RelationDoc, WikiPageDoc } from '../documents';
import { messageDocId } from './channels.projection';
import { applyOnce, applyOnceToEach, Projection } from './projection';
import { retractEvidence, withdrawnFacts } from './retract-evidence';

export const entityIdForKey = (key: string) => stableId('ent', key);
export const wikiPageDocId = (channelId: string, slug: string) => stableId('wiki', channelId, slug);

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
        ({ id: messageId, ...fields }, current) => ({
          ...fields,
          message_id: messageId,
          job_id,
          first_seq: current?.first_seq ?? seq,
          facts_seq: current?.facts_seq ?? null,
        }),
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
        facts.map(({ id, ...fact }): FactDoc => ({
          ...fact,
          id,
          job_id,
          entity_ids: [...new Set(fact.entities.map((e) => entityIdForKey(e.key)))],
          last_seq: seq,
        })),
      );
      await tx.putMany(
        'messages',
        messages.filter((doc) => !settled.has(doc.message_id)).map((doc) => ({ ...doc, facts_seq: seq })),
      );
      await retractEvidence(tx, channel_id, withdrawnFacts(previous, facts), seq);
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
      return;
    }
    case 'WikiPageGenerated': {
      const { page, job_id } = event.data;
      await applyOnce<WikiPageDoc>(tx, 'wiki_pages', wikiPageDocId(page.channel_id, page.slug), seq, (current) => ({
        ...page,
        version: current?.content_hash === page.content_hash ? current.version : (current?.version ?? 0) + 1,
        job_id,
        updated_at: event.metadata.occurred_at,
      }));
      return;
    }
  }
};

function mergedEntity(upsert: EntityUpsert, current: EntityDoc | null, jobId: string, seq: number) {
  if (!current) {
    return {
      key: upsert.key,
      name: upsert.name,
      type: upsert.type,
      aliases: [...upsert.aliases].sort(),
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
    aliases: [...names].sort(),
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
