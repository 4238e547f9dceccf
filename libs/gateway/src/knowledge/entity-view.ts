import { compareText } from '@atlas/common';
import type { ArtifactKind, EntityType, RelationType } from '@atlas/events';
import type { EntityDoc, RelationDoc } from '@atlas/read-models';

/** An entity of the knowledge graph as the API shows it. */
export interface EntityView {
  id: string;
  key: string;
  name: string;
  type: EntityType;
  kind: ArtifactKind | null;
  aliases: string[];
  channel_ids: string[];
}

export interface RelationView {
  id: string;
  type: RelationType;
  /** outgoing: the entity is the relation's source; incoming: its target. */
  direction: 'outgoing' | 'incoming';
  other: { id: string; name: string | null; type: EntityType | null };
  fact_ids: string[];
  weight: number;
}

export function entityView(entity: EntityDoc): EntityView {
  return {
    id: entity.id,
    key: entity.key,
    name: entity.name,
    type: entity.type,
    kind: entity.kind ?? null,
    aliases: entity.aliases,
    channel_ids: entity.channel_ids,
  };
}

/** The entity's relations, strongest first (then by type and id, so the order is stable). */
export function relationViews(entityId: string, relations: RelationDoc[], others: EntityDoc[]): RelationView[] {
  const byId = new Map(others.map((entity) => [entity.id, entity]));
  return [...relations]
    .sort((a, b) => b.weight - a.weight || compareText(a.type, b.type) || compareText(a.id, b.id))
    .map((relation) => {
      const outgoing = relation.source_id === entityId;
      const otherId = outgoing ? relation.target_id : relation.source_id;
      const other = byId.get(otherId);
      return {
        id: relation.id,
        type: relation.type,
        direction: outgoing ? 'outgoing' : 'incoming',
        other: { id: otherId, name: other?.name ?? null, type: other?.type ?? null },
        fact_ids: relation.fact_ids,
        weight: relation.weight,
      };
    });
}

/** The ids at the other end of each relation. */
export function otherEnds(entityId: string, relations: RelationDoc[]): string[] {
  return relations.map((relation) => (relation.source_id === entityId ? relation.target_id : relation.source_id));
}
