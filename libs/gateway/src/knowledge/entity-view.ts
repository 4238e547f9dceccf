import { compareText } from '@atlas/common';
import { ApiProperty } from '@nestjs/swagger';
import { ARTIFACT_KINDS, ENTITY_TYPES, RELATION_TYPES } from '@atlas/events';
import type { ArtifactKind, EntityType, RelationType } from '@atlas/events';
import type { EntityDoc, RelationDoc } from '@atlas/read-models';

/** An entity of the knowledge graph as the API shows it. */
export class EntityView {
  @ApiProperty() id: string;
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ENTITY_TYPES }) type: EntityType;
  @ApiProperty({ enum: ARTIFACT_KINDS, nullable: true, description: 'Artifacts only' }) kind: ArtifactKind | null;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty({ type: [String] }) channel_ids: string[];
}

/** The entity at the other end of a relation; name and type are null if it is not in the graph (yet). */
class RelationEndView {
  @ApiProperty() id: string;
  @ApiProperty({ type: 'string', nullable: true }) name: string | null;
  @ApiProperty({ enum: ENTITY_TYPES, nullable: true }) type: EntityType | null;
}

export class RelationView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: RELATION_TYPES }) type: RelationType;
  /** outgoing: the entity is the relation's source; incoming: its target. */
  @ApiProperty({ enum: ['outgoing', 'incoming'], description: "outgoing: the entity is the relation's source" })
  direction: 'outgoing' | 'incoming';
  @ApiProperty({ type: RelationEndView }) other: RelationEndView;
  @ApiProperty({ type: [String], description: 'The facts that evidence the relation' }) fact_ids: string[];
  @ApiProperty({ description: 'How strongly the facts evidence it' }) weight: number;
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
