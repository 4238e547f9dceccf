import type { StageTimes } from './stage-times';
import type {
  ArtifactKind,
  EntityType,
  Fact,
  FactState,
  JobError,
  JobStatus,
  NormalizedMessage,
  Platform,
  RelationType,
  StageName,
  SyncTrigger,
  WikiCitation,
} from '@atlas/events';

/** Every projected document records the stream sequence last applied to it: re-applying is a no-op. */
export interface Projected {
  id: string;
  last_seq: number;
  [field: string]: unknown;
}

export interface ConnectionDoc extends Projected {
  connection_id: string;
  name: string;
  platform: Platform;
  /** Non-secret settings only; credentials never enter a read model. */
  config: Record<string, string | undefined>;
  has_credentials: boolean;
  created_at: string;
  /** When the name, settings or credentials last changed; null if never. */
  updated_at: string | null;
}

export interface ChannelDoc extends Projected {
  channel_id: string;
  name: string;
  connection_id: string;
  platform: Platform;
  topic: string | null;
  is_private: boolean;
  message_count_hint: number | null;
  /** Distinct messages stored for the channel. */
  message_count: number;
  /** When the last successful sync completed. */
  last_sync: string | null;
  cursor: string | null;
  active_job_id: string | null;
  registered_at: string;
}

export interface JobCounters {
  messages_fetched: number;
  /**
   * Fetched messages the channel already held unchanged, in a sync that was not forced: thread starters
   * handed out again to attach new replies. Absent on jobs projected before it existed.
   */
  messages_reread?: number;
  batches_fetched: number;
  fetch_completed: boolean;
  messages_extracted: number;
  batches_extracted: number;
  facts_extracted: number;
  failing_messages: number;
  first_failing_message_id: string | null;
  /** Messages the extractor skipped because it cannot handle their language. */
  skipped_messages: number;
  /** What the optional LLM path used: tokens as the model server reported them, batches it handed back. */
  llm_prompt_tokens: number;
  llm_completion_tokens: number;
  llm_fallback_batches: number;
  extraction_completed: boolean;
  batches_graphed: number;
  entities_created: number;
  relations_created: number;
  graph_completed: boolean;
  wiki_pages_changed: number;
  wiki_completed: boolean;
}

export interface JobDoc extends Projected {
  job_id: string;
  channel_id: string;
  connection_id: string;
  status: JobStatus;
  force: boolean;
  trigger: SyncTrigger;
  requested_at: string;
  requested_seq: number;
  started_at: string | null;
  /** When the job reached a final status (completed, failed or cancelled). */
  finished_at: string | null;
  cancelled_at: string | null;
  estimated_messages: number | null;
  /** Total once fetching completed; before that the larger of the estimate and what was fetched. */
  total_messages: number | null;
  total_batches: number | null;
  previous_cursor: string | null;
  cursor: string | null;
  /**
   * The permalink of the channel's newest stored message when the job started (null: it had none);
   * absent when the channel had no message, or on jobs projected before it existed. The fetcher
   * compares it with the connection's current settings (PlatformConnector.permalinkBase).
   */
  newest_permalink_at_start?: string | null;
  counters: JobCounters;
  /** When each stage began and completed (stage-times.ts); absent on jobs projected before it existed. */
  stage_times?: StageTimes;
  /** Current stage while running; the stage it stopped in when failed or cancelled. */
  stage: StageName | null;
  /** Exact completed share of the work (0..1), never decreasing. */
  done_fraction: number;
  error: JobError | null;
  /**
   * While running: the stage whose transient failure `error` shows (SyncStageRetrying); its next output
   * clears both. Absent on jobs projected before it existed.
   */
  retrying_stage?: StageName | null;
  /** Events the pipeline had to terminate (poison), recorded on the job. */
  rejected_events: Array<{ seq: number; type: string | null; reason: string }>;
}

export interface ScheduleDoc extends Projected {
  channel_id: string;
  schedule: string;
  timezone: string;
  enabled: boolean;
  updated_at: string;
  /** Slot (ISO minute) of the last firing that triggered a sync. */
  last_sync: string | null;
  last_job_id: string | null;
  last_fired_slot: string | null;
  last_skip: { slot: string; reason: string; active_job_id: string | null } | null;
  skipped_count: number;
}

export interface MessageDoc extends Projected, Omit<NormalizedMessage, 'id'> {
  message_id: string;
  job_id: string;
  /** Sequence of the event that first stored the message. */
  first_seq: number;
  /**
   * Sequence of the event that last changed what the message says (message-changes.ts); absent on
   * documents stored before it was recorded.
   */
  content_seq?: number;
  /** Sequence of the FactsExtracted that last replaced its facts (null before extraction). */
  facts_seq?: number | null;
}

export interface FactDoc extends Projected, Omit<Fact, 'id'> {
  job_id: string;
  /** Graph entity ids of the fact's entities (for "facts about this entity"), as the graph resolved them. */
  entity_ids: string[];
  /** The earlier fact on the same `subject` this one replaces, and the later one replacing it. */
  supersedes: string | null;
  superseded_by: string | null;
  /**
   * What later facts made of it (see deriveFactStates): `open`/`done` for an action item, `current`/
   * `superseded` for a decision, null otherwise; absent in documents projected before states were kept.
   */
  state?: FactState | null;
  /** The fact that reported an action item done. */
  closed_by?: string | null;
  /** `valid_at|id`: one sortable field, so pages of facts in time order resume from a cursor. */
  sort_key: string;
}

export interface EntityDoc extends Projected {
  key: string;
  name: string;
  type: EntityType;
  kind: ArtifactKind | null;
  aliases: string[];
  /** Every fact entity key resolved into this entity. */
  keys: string[];
  /** `normalized name|id`: the order entities are listed and paged in. */
  sort_key: string;
  channel_ids: string[];
  created_by_job: string;
  /** Sequence of the event that created it: decides which job counts it as created, even on replay. */
  created_seq: number;
}

/**
 * A channel's graph as it stood when a job started (projected at its SyncStarted, dropped when the job
 * ends): one header per job, and one document per entity of the channel then.
 */
export type GraphSnapshotDoc = GraphSnapshotHeaderDoc | GraphSnapshotEntityDoc;

export interface GraphSnapshotHeaderDoc extends Projected {
  kind: 'header';
  job_id: string;
  channel_id: string;
  /** The channel's name when the job started. */
  channel_name: string;
  entities: number;
}

export interface GraphSnapshotEntityDoc extends Projected {
  kind: 'entity';
  job_id: string;
  channel_id: string;
  entity: Pick<EntityDoc, 'key' | 'name' | 'type' | 'kind' | 'aliases' | 'keys'> & { id: string };
}

export interface RelationDoc extends Projected {
  type: RelationType;
  source_id: string;
  target_id: string;
  channel_ids: string[];
  /** Evidence, capped at RELATION_EVIDENCE_CAP facts (the weight saturates with it). */
  fact_ids: string[];
  weight: number;
  created_seq: number;
}

export interface WikiPageDoc extends Projected {
  channel_id: string;
  slug: string;
  title: string;
  markdown: string;
  citations: WikiCitation[];
  content_hash: string;
  inputs_hash: string;
  template_version: string;
  /** Increases each time the page's content changes. */
  version: number;
  job_id: string;
  updated_at: string;
}

/** One version of a wiki page as it was written; kept when the page changes or goes. */
export interface WikiPageVersionDoc extends Projected {
  channel_id: string;
  slug: string;
  version: number;
  title: string;
  markdown: string;
  citations: WikiCitation[];
  content_hash: string;
  job_id: string;
  created_at: string;
}

export interface ProjectorCheckpoint extends Projected {
  id: 'projector';
}

export const RELATION_EVIDENCE_CAP = 200;
