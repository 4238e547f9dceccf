/**
 * Read-model collections and the indexes their queries need. Both adapters create exactly these
 * (SQLite as expression indexes on json_extract, MongoDB as compound indexes).
 */
export interface CollectionSpec {
  /** Each entry is one (compound) index over dotted field paths. */
  indexes: string[][];
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
    ],
  },
  entities: { indexes: [['type', 'name'], ['channel_ids'], ['sort_key']] },
  relations: { indexes: [['source_id'], ['target_id'], ['channel_ids']] },
  wiki_pages: { indexes: [['channel_id', 'slug']] },
  wiki_page_versions: { indexes: [['channel_id', 'slug', 'version']] },
  /** The graph of a channel as it stood when a running job started: what the job's stages resolve against. */
  graph_snapshots: { indexes: [['job_id']] },
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
