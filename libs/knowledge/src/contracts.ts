import type {
  ArtifactKind,
  EntityType,
  EntityUpsert,
  Fact,
  FactState,
  ExtractionFailure,
  NormalizedMessage,
  RelationType,
  RelationUpsert,
  SkippedMessage,
} from '@atlas/events';

/** A person of the platform, under every name chat may use for them (display name, real name, handle). */
export interface GazetteerPerson {
  /** Platform user id. */
  id: string;
  /** The name to show. */
  name: string;
  aliases: readonly string[];
}

/** What the extractor knows about the channel a batch comes from. */
export interface ExtractionContext {
  channel_id: string;
  channel_name: string;
  /** The channel's people: authors and mentions of the batch plus the people its graph already has. */
  people: readonly GazetteerPerson[];
  /** Thread parents that are not in the batch, by message id: a reply answers the question it replies to. */
  thread_parents: ReadonlyMap<string, NormalizedMessage>;
}

export interface ExtractionResult {
  facts: Fact[];
  /** Messages whose extraction threw: counted as failing, never fatal to the job. */
  failures: ExtractionFailure[];
  /** Messages in a language the extractor cannot handle: counted and left alone. */
  skipped: SkippedMessage[];
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
  kind: ArtifactKind | null;
  aliases: string[];
  /** Every fact entity key resolved into it. */
  keys: string[];
}

export interface GraphRelation {
  id: string;
  type: RelationType;
  source_id: string;
  target_id: string;
  fact_ids: string[];
  weight: number;
}

/** A fact as the read model holds it: with its graph entities and the facts it supersedes or is superseded by. */
export interface WikiFact extends Fact {
  entity_ids: string[];
  supersedes: string | null;
  superseded_by: string | null;
  /** What later facts made of it, as the read model derived it (see deriveFactStates). */
  state: FactState | null;
  /** The fact that reported an action item done. */
  closed_by: string | null;
}

export interface WikiInput {
  channel: WikiChannel;
  /** Every current fact of the channel. */
  facts: WikiFact[];
  /** Source messages by message id, for citations (author, time, excerpt, permalink). */
  messages: ReadonlyMap<string, NormalizedMessage>;
  entities: GraphEntity[];
  relations: GraphRelation[];
}
