import type {
  EntityType,
  EntityUpsert,
  Fact,
  ExtractionFailure,
  NormalizedMessage,
  RelationType,
  RelationUpsert,
} from '@atlas/events';

/** What the extractor knows about the channel a batch comes from. */
export interface ExtractionContext {
  channel_id: string;
  channel_name: string;
}

export interface ExtractionResult {
  facts: Fact[];
  /** Messages whose extraction threw: counted as failing, never fatal to the job. */
  failures: ExtractionFailure[];
}

export interface GraphDelta {
  entities: EntityUpsert[];
  relations: RelationUpsert[];
}

export interface WikiChannel {
  channel_id: string;
  name: string;
  topic: string | null;
}

/** An entity of the graph as the read model holds it. */
export interface GraphEntity {
  id: string;
  key: string;
  name: string;
  type: EntityType;
  aliases: string[];
}

export interface GraphRelation {
  id: string;
  type: RelationType;
  source_id: string;
  target_id: string;
  fact_ids: string[];
  weight: number;
}

export interface WikiInput {
  channel: WikiChannel;
  /** Every current fact of the channel. */
  facts: Fact[];
  /** Source messages by message id, for citations (author, time, excerpt, permalink). */
  messages: ReadonlyMap<string, NormalizedMessage>;
  entities: GraphEntity[];
  relations: GraphRelation[];
}
