import type { RelationType } from '@atlas/events';
import type { RelationDoc } from '@atlas/read-models';

/** A relation of the graph as the JSON export writes it: both ends by entity id, with its evidence facts. */
export interface RelationExportView {
  id: string;
  type: RelationType;
  source_id: string;
  target_id: string;
  fact_ids: string[];
  weight: number;
  channel_ids: string[];
}

export function relationExportView(relation: RelationDoc): RelationExportView {
  return {
    id: relation.id,
    type: relation.type,
    source_id: relation.source_id,
    target_id: relation.target_id,
    fact_ids: relation.fact_ids,
    weight: relation.weight,
    channel_ids: relation.channel_ids,
  };
}
