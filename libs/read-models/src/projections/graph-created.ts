import type { AtlasEvent } from '@atlas/events';
import type { ReadModelStore } from '@atlas/store';
import type { EntityDoc, RelationDoc } from '../documents';

/** Entities and relations this event created (merged ones were created by an earlier event). */
export async function countCreated(tx: ReadModelStore, event: AtlasEvent<'GraphUpdated'>, seq: number) {
  const entities = await tx.getMany<EntityDoc>(
    'entities',
    event.data.entities.map((e) => e.id),
  );
  const relations = await tx.getMany<RelationDoc>(
    'relations',
    event.data.relations.map((r) => r.id),
  );
  return {
    entities: entities.filter((e) => e.created_seq === seq).length,
    relations: relations.filter((r) => r.created_seq === seq).length,
  };
}
