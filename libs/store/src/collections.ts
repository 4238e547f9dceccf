/**
 * Read-model collections and the indexes their queries need. Both adapters create exactly these
 * (SQLite as expression indexes on json_extract, MongoDB as compound indexes).
 */
export interface CollectionSpec {
  /** Each entry is one (compound) index over dotted field paths. */
  indexes: string[][];
  /**
   * The one string field with a full-text index, searched with `$matches`: SQLite keeps an FTS5 table in step with
   * the collection, MongoDB an indexed array of the field's folded words in each document.
   */
  search?: string;
}

export const COLLECTIONS = {
  connections: { indexes: [['created_at']] },
  channels: { indexes: [['connection_id'], ['name']] },
  jobs: {
    indexes: [
      ['channel_id', 'requested_seq'],
      ['status', 'requested_seq'],
    ],
  },
  schedules: { indexes: [['enabled']] },
  messages: { indexes: [['channel_id', 'timestamp']] },
  facts: {
    indexes: [
      ['channel_id', 'message_id'],
      ['channel_id', 'type'],
      ['channel_id', 'source.timestamp'],
      ['channel_id', 'sort_key'],
      ['channel_id', 'subject'],
      // A fact's state is read from the facts of its owner too (libs/read-models fact-states).
      ['channel_id', 'owner'],
    ],
    search: 'text',
  },
  /**
   * One index over facts, wiki sections and messages (libs/read-models/src/search): one BM25 table, so scores of
   * different kinds compare. Entries are deleted by message (facts, messages) or by page (wiki sections); with kind
   * in the message index, SQLite's planner takes it over (kind, channel_id), which would scan a channel's entries.
   */
  search_entries: {
    indexes: [['channel_id', 'message_id', 'kind'], ['page_id'], ['kind', 'channel_id']],
    search: 'text',
  },
  entities: { indexes: [['type', 'name'], ['channel_ids'], ['sort_key']] },
  relations: { indexes: [['source_id'], ['target_id'], ['channel_ids']] },
  wiki_pages: { indexes: [['channel_id', 'slug']] },
  wiki_page_versions: { indexes: [['channel_id', 'slug', 'version']] },
  /** The graph of a channel as it stood when a running job started: what the job's stages resolve against. */
  graph_snapshots: { indexes: [['job_id']] },
  /** Running totals of the pipeline (messages, facts, stage durations) that GET /metrics reads in one lookup. */
  pipeline_metrics: { indexes: [] },
  webhooks: { indexes: [['created_at']] },
  /** Each webhook's delivery log, newest first by sort_key. */
  webhook_deliveries: { indexes: [['webhook_id', 'sort_key']] },
  /** Positions and state of the processes that read the log in order (projector, dispatcher). */
  checkpoints: { indexes: [] },
} satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** Collections rebuilt from the event log by the projector (checkpoints hold the projector's own position). */
export const READ_MODEL_COLLECTIONS: CollectionName[] = COLLECTION_NAMES.filter((c) => c !== 'checkpoints');

/** The name, once known to be one of COLLECTIONS: the SQLite adapter splices it into SQL as a table name. */
export function checkCollection(name: string): CollectionName {
  if (!Object.hasOwn(COLLECTIONS, name)) {
    throw new Error(`Unknown read-model collection "${name}" (known: ${COLLECTION_NAMES.join(', ')})`);
  }
  return name as CollectionName;
}

/** `path`, once known to be the field `collection` has its full-text index on: only that one can be searched. */
export function checkSearchField(collection: CollectionName, path: string): string {
  const field = searchFieldOf(collection);
  if (path !== field) {
    const where = field ? `its text index is on "${field}"` : 'it has no text index';
    throw new Error(`$matches on "${path}" needs a text index: ${where} (see COLLECTIONS of ${collection})`);
  }
  return field;
}

export function searchFieldOf(collection: CollectionName): string | undefined {
  return (COLLECTIONS[collection] as CollectionSpec).search;
}
