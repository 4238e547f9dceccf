// The Atlas Sync API as TypeScript types, generated from the gateway's OpenAPI document.
// Do not edit: run `npm run api:types` after changing a controller or DTO (docs/API.md).
export interface paths {
  '/api/sync/schedules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List sync schedules for channels */
    get: operations['Schedules_list'];
    /** Set a channel's sync schedule */
    put: operations['Schedules_update'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sync': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Trigger synchronization for a channel */
    post: operations['Sync_trigger'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sync/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get sync status for a channel (its latest job, or the one named) */
    get: operations['Sync_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sync/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get sync history for a channel, latest first */
    get: operations['Sync_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sync/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a queued or running sync job */
    post: operations['Sync_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sync/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Stream live progress of one job, one channel or every channel (Server-Sent Events)
     * @description Events `status` (the GET /api/sync/status object), `stage`, `waiting` (a rate-limit or retry wait) and `finished`; each `id` is a log sequence to resume from with Last-Event-ID; comment lines are heartbeats. The key may be a `token` from POST /api/sync/events/token instead of the Authorization header (docs/LIVE-PROGRESS.md).
     */
    get: operations['SyncEvents_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sync/events/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A short-lived token that opens the event stream as ?token= (for EventSource) */
    post: operations['SyncEvents_token'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List connections with their channels */
    get: operations['Connections_list'];
    put?: never;
    /** Connect a platform: checks it and registers the channels it shows */
    post: operations['Connections_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/{connection_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a connection with its channels */
    get: operations['Connections_get'];
    /** Rename, change settings or rotate credentials (checked with the platform first) */
    put: operations['Connections_update'];
    post?: never;
    /** Delete a connection: cancels its syncs, removes its channels, keeps their knowledge */
    delete: operations['Connections_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connections/{connection_id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check credentials and reachability without syncing (a failed check is a 200 too) */
    post: operations['Connections_test'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List channels, of every connection or of one */
    get: operations['Channels_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload a chat export: it becomes a connection with its channels */
    post: operations['Imports_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel_id}/facts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A channel's facts in time order, filtered, one page at a time */
    get: operations['Facts_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel_id}/facts/{fact_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A fact of the channel with its supersession chain */
    get: operations['Facts_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/graph/entities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Entities of the knowledge graph by name, filtered, one page at a time */
    get: operations['Graph_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/graph/entities/{entity_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An entity with its relations and latest facts */
    get: operations['Graph_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel_id}/messages/{message_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One stored message of the channel, e.g. a failed job's `details.failing_message_id` */
    get: operations['Messages_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/wiki/{channel_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A channel's wiki pages; none before its first sync wrote them */
    get: operations['Wiki_index'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/wiki/{channel_id}/pages/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A wiki page (its current version, or the one asked), rendered, with its citations */
    get: operations['Wiki_page'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/wiki/{channel_id}/pages/{slug}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A wiki page's versions */
    get: operations['Wiki_versions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/wiki/{channel_id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download a channel's wiki as a ZIP: Markdown notes, or facts, entities and relations as JSON Lines
     * @description `format=markdown` (default): one note per page, `<channel>/<slug>.md`, with YAML front matter (title, channel, slug, version, updated_at), Obsidian links `[[slug|text]]` between pages and citations as footnotes with the permalink. `format=json`: `facts.jsonl`, `entities.jsonl`, `relations.jsonl`, one JSON object a line (facts and entities as the knowledge API shows them). Streamed as it is read.
     */
    get: operations['WikiExport_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/mcp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * No server-sent stream: 405 (the MCP client then only POSTs)
     * @description The server is stateless: it keeps no session, so it offers no stream at GET and no session to end at DELETE.
     */
    get: operations['Mcp_stream'];
    put?: never;
    /**
     * MCP over Streamable HTTP: tools search, ask, list_channels, sync_channel, sync_status, get_facts, ...
     * @description A JSON-RPC 2.0 message (or batch) of the Model Context Protocol; `Accept` must list application/json and text/event-stream. Requests are answered in JSON (200), notifications and responses with 202 and no body. A tool refusal is a result with `isError: true` whose text is the API error envelope. A body that is not JSON-RPC, an Accept or Content-Type an MCP client would not send, or an unknown MCP-Protocol-Version is a 400 `VALIDATION_ERROR`; a protocol error (unknown method...) is a JSON-RPC error in a 200 answer. The server is stateless: it keeps no session, so it offers no stream at GET and no session to end at DELETE. docs/MCP.md.
     */
    post: operations['Mcp_handle'];
    /**
     * No session to end: 405
     * @description The server is stateless: it keeps no session, so it offers no stream at GET and no session to end at DELETE.
     */
    delete: operations['Mcp_end'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Facts, wiki sections and messages of every channel, ranked (BM25, entity boost, recency) */
    get: operations['Search_find'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ask': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Answer a question from the current facts and wiki sections, each cited
     * @description The question without its stop words is searched for (GET /api/search) among the facts and wiki sections of the channels named (every channel when none). The current facts that hold at least a quarter of its words answer, numbered by relevance and grouped by entity in time order, with the wiki sections that cover it; `answered: false` when nothing supports an answer. With an LLM configured, `prose` is the answer written by the model from those facts only, each sentence citing [n] facts; sentences without a valid citation are dropped.
     */
    post: operations['Ask_ask'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List webhooks (never their secrets) */
    get: operations['Webhooks_list'];
    put?: never;
    /** Register a webhook: events of the catalogue are POSTed to its URL, signed when it has a secret */
    post: operations['Webhooks_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/{webhook_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a webhook */
    get: operations['Webhooks_get'];
    put?: never;
    post?: never;
    /** Delete a webhook: nothing more is delivered to it, and its delivery log goes */
    delete: operations['Webhooks_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/{webhook_id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A webhook's delivery log, newest event first: each delivery with every attempt */
    get: operations['Webhooks_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Can this gateway serve? Without a key only `status`; with one, what it checked */
    get: operations['Health_health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prometheus metrics of the deployment and of this process (docs/OPERATIONS.md#metrics)
     * @description An API key, or ATLAS_METRICS_TOKEN as the bearer token; no key at all with ATLAS_METRICS_PUBLIC=true. Never rate limited.
     */
    get: operations['Metrics_metrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ErrorBody: {
      /** @description Stable, upper-case code: VALIDATION_ERROR, CHANNEL_NOT_FOUND, RATE_LIMIT... */
      code: string;
      message: string;
      /** @description Depends on the code: `problems` (validation), `retry_after` in seconds (rate limits)... */
      details: {
        [key: string]: unknown;
      };
    };
    ErrorEnvelope: {
      error: components['schemas']['ErrorBody'];
    };
    ScheduleSkipView: {
      /** @description The cron slot that fired: its minute, ISO 8601 in UTC */
      slot: string;
      /** @description `sync_in_progress` or `channel_not_found` */
      reason: string;
      active_job_id: string | null;
    };
    ScheduleView: {
      channel_id: string;
      /** @example 0 *\/4 * * * */
      schedule: string;
      /** @example UTC */
      timezone: string;
      enabled: boolean;
      /**
       * Format: date-time
       * @description null while disabled
       */
      next_sync: string | null;
      /** Format: date-time */
      last_sync: string | null;
      /** @description The last firing that found the channel busy */
      last_skip: components['schemas']['ScheduleSkipView'] | null;
    };
    SchedulesListView: {
      schedules: components['schemas']['ScheduleView'][];
    };
    UpdateScheduleDto: {
      /** @example C12345 */
      channel_id: string;
      /**
       * @description 5-field cron expression, read in `timezone`
       * @example 0 *\/2 * * *
       */
      schedule: string;
      /** @default true */
      enabled: boolean;
      /**
       * @description IANA time zone
       * @default UTC
       * @example Europe/Berlin
       */
      timezone: string;
    };
    TriggerSyncDto: {
      /**
       * @description Channel to sync
       * @example C12345
       */
      channel_id: string;
      /**
       * @description Force full re-sync
       * @default false
       */
      force: boolean;
    };
    TriggerSyncView: {
      /** @enum {string} */
      status: 'started' | 'queued';
      job_id: string;
      channel_id: string;
      estimated_messages: number | null;
      /** Format: date-time */
      started_at: string | null;
    };
    JobProgressView: {
      total_messages: number;
      processed_messages: number;
      failing_messages: number;
      percentage: number;
    };
    JobError: {
      /** @enum {string} */
      code: 'PLATFORM_ERROR' | 'AUTH_ERROR' | 'RATE_LIMIT' | 'CHANNEL_NOT_FOUND' | 'INTERNAL_ERROR';
      message: string;
      details: {
        /** @description Seconds to wait before retrying */
        retry_after?: number;
        /** @description The first message whose processing failed */
        failing_message_id?: string;
      } & {
        [key: string]: unknown;
      };
    };
    StageProgressView: {
      /** @enum {string} */
      stage: 'fetching_messages' | 'extracting_facts' | 'building_graph' | 'generating_wiki';
      percentage: number;
      completed: boolean;
      /**
       * Format: date-time
       * @description When the stage had its first input (stages overlap); null before
       */
      started_at: string | null;
      /**
       * Format: date-time
       * @description When the stage completed
       */
      completed_at: string | null;
    };
    LlmUsageView: {
      prompt_tokens: number;
      completion_tokens: number;
      fallback_batches: number;
    };
    JobKnowledgeView: {
      facts_extracted: number;
      skipped_messages: number;
      entities_created: number;
      relations_created: number;
      wiki_pages_changed: number;
      llm: components['schemas']['LlmUsageView'];
    };
    JobStatusView: {
      job_id: string;
      channel_id: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
      progress: components['schemas']['JobProgressView'];
      /** Format: date-time */
      started_at: string | null;
      /** Format: date-time */
      estimated_completion: string | null;
      /** @enum {string|null} */
      current_stage: 'fetching_messages' | 'extracting_facts' | 'building_graph' | 'generating_wiki' | null;
      /** Format: date-time */
      completed_at: string | null;
      /** Format: date-time */
      cancelled_at: string | null;
      error: components['schemas']['JobError'] | null;
      /** @description Beyond the spec: how many of total_messages the channel already held unchanged, read again only to attach new replies to them (thread starters); messages_synced in the history leaves them out */
      reread_messages: number;
      /** @description Beyond the spec: each stage's own progress, in stage order (stages overlap) */
      stages: components['schemas']['StageProgressView'][];
      /** @description Beyond the spec: what the knowledge stages did so far */
      knowledge: components['schemas']['JobKnowledgeView'];
    };
    JobHistoryView: {
      job_id: string;
      channel_id: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
      /** Format: date-time */
      started_at: string | null;
      /** Format: date-time */
      completed_at: string | null;
      duration_seconds: number | null;
      /** @description Messages new or changed on the platform since the previous sync */
      messages_synced: number;
      facts_extracted: number;
      entities_created: number;
      error: components['schemas']['JobError'] | null;
    };
    JobHistoryListView: {
      history: components['schemas']['JobHistoryView'][];
    };
    CancelSyncDto: {
      /** @example sync_123 */
      job_id: string;
    };
    CancelSyncView: {
      /** @enum {string} */
      status: 'cancelled';
      job_id: string;
      /** Format: date-time */
      cancelled_at: string;
    };
    SyncEventsTokenView: {
      token: string;
      /** Format: date-time */
      expires_at: string;
    };
    ConnectionCredentialsDto: {
      /** @description Slack, Discord, Mattermost, Teams (Graph) */
      token?: string;
      /** @description Teams: the app's client secret */
      client_secret?: string;
    };
    CreateConnectionDto: {
      name: string;
      /** @enum {string} */
      platform: 'slack' | 'slack_export' | 'discord' | 'discord_export' | 'mattermost' | 'teams' | 'generic_import';
      /** @description The platform's settings, checked against its list (docs/PLATFORMS.md) */
      config: {
        [key: string]: string;
      };
      /** @description Sealed when stored, never returned */
      credentials?: components['schemas']['ConnectionCredentialsDto'];
    };
    ChannelSummary: {
      channel_id: string;
      name: string;
      connection_id: string;
      /** @enum {string} */
      platform: 'slack' | 'slack_export' | 'discord' | 'discord_export' | 'mattermost' | 'teams' | 'generic_import';
      /** Format: date-time */
      last_sync: string | null;
    };
    ConnectionHealth: {
      /**
       * @description `failing`: some channel's newest finished job failed; `ok`: every channel's newest finished job completed; `never_synced`: no job of its channels has completed or failed yet
       * @enum {string}
       */
      status: 'ok' | 'failing' | 'never_synced';
      /**
       * @description The failed job's error code when failing
       * @example AUTH_ERROR
       */
      error_code: string | null;
      /** @description The job it was judged by: the newest failed one when failing, else the newest completed one */
      job_id: string | null;
      channel_id: string | null;
      /**
       * Format: date-time
       * @description When that job finished
       */
      as_of: string | null;
    };
    SkippedChannelView: {
      channel_id: string;
      name: string;
      connection_id: string;
      /** @enum {string} */
      platform: 'slack' | 'slack_export' | 'discord' | 'discord_export' | 'mattermost' | 'teams' | 'generic_import';
      /** Format: date-time */
      last_sync: string | null;
      /** @example channel already belongs to another connection */
      reason: string;
    };
    CreatedConnectionView: {
      connection_id: string;
      name: string;
      /** @enum {string} */
      platform: 'slack' | 'slack_export' | 'discord' | 'discord_export' | 'mattermost' | 'teams' | 'generic_import';
      /** @description Settings; never secrets */
      config: {
        [key: string]: string;
      };
      has_credentials: boolean;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string | null;
      channels: components['schemas']['ChannelSummary'][];
      /** @description From its channels' latest finished jobs; the platform is not asked */
      health: components['schemas']['ConnectionHealth'];
      /** @description Channels the platform shows that were not registered */
      channels_skipped: components['schemas']['SkippedChannelView'][];
    };
    UpdateConnectionDto: {
      name?: string;
      /** @description The platform's settings, checked against its list (docs/PLATFORMS.md): keys given replace the old ones; null or "" removes one */
      config?: {
        [key: string]: string | null;
      };
      /** @description Rotated credentials, checked first */
      credentials?: components['schemas']['ConnectionCredentialsDto'];
    };
    ConnectionView: {
      connection_id: string;
      name: string;
      /** @enum {string} */
      platform: 'slack' | 'slack_export' | 'discord' | 'discord_export' | 'mattermost' | 'teams' | 'generic_import';
      /** @description Settings; never secrets */
      config: {
        [key: string]: string;
      };
      has_credentials: boolean;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string | null;
      channels: components['schemas']['ChannelSummary'][];
      /** @description From its channels' latest finished jobs; the platform is not asked */
      health: components['schemas']['ConnectionHealth'];
    };
    ConnectionCheck: {
      connection_id: string;
      /** @enum {string} */
      platform: 'slack' | 'slack_export' | 'discord' | 'discord_export' | 'mattermost' | 'teams' | 'generic_import';
      ok: boolean;
      /** Format: date-time */
      checked_at: string;
      latency_ms: number;
      /** @description null when the check failed */
      channels_visible: number | null;
      /** @description Registered channels the platform no longer shows */
      channels_missing: string[];
      /** @description Why the check failed, as an error answer says it */
      error: components['schemas']['ErrorBody'] | null;
    };
    ConnectionsListView: {
      connections: components['schemas']['ConnectionView'][];
    };
    DeletedConnectionView: {
      connection_id: string;
      /** @enum {boolean} */
      deleted: true;
      /** @description Their syncs were cancelled and schedules disabled */
      channels_removed: string[];
    };
    ChannelsListView: {
      channels: components['schemas']['ChannelSummary'][];
    };
    ImportUploadBody: {
      /** @description Name of the connection; the file's name when absent */
      name?: string;
      /**
       * @description Detected from the content and name when absent
       * @enum {string}
       */
      format?: 'slack_export' | 'discord_json' | 'discord_csv' | 'csv' | 'jsonl';
      /**
       * @description csv and jsonl: a JSON object naming the column or field of each message field
       * @example {"text":"body","author":"user","timestamp":"time"}
       */
      mapping?: string;
      /** @description Single-channel files (Discord, csv, jsonl): the channel's name */
      channel_name?: string;
      /**
       * Format: binary
       * @description A Slack or Discord export, a csv or jsonl file
       */
      file: string;
    };
    ImportedFileView: {
      /** @enum {string} */
      format: 'slack_export' | 'discord_json' | 'discord_csv' | 'csv' | 'jsonl';
      sha256: string;
      size_bytes: number;
      /** @description Where the file is kept, within the import folder */
      file: string;
    };
    ImportAnswer: {
      connection_id: string;
      name: string;
      /** @enum {string} */
      platform: 'slack' | 'slack_export' | 'discord' | 'discord_export' | 'mattermost' | 'teams' | 'generic_import';
      /** @description Settings; never secrets */
      config: {
        [key: string]: string;
      };
      has_credentials: boolean;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string | null;
      channels: components['schemas']['ChannelSummary'][];
      /** @description From its channels' latest finished jobs; the platform is not asked */
      health: components['schemas']['ConnectionHealth'];
      /** @description The same file was imported before: this is the connection it made */
      already_imported: boolean;
      import: components['schemas']['ImportedFileView'];
      /** @description Only when this request made the connection */
      channels_skipped?: components['schemas']['SkippedChannelView'][];
    };
    FactEntityView: {
      /** @description The graph entity it resolved into; null until placed */
      id: string | null;
      /** @example person:U012AB3CD */
      key: string;
      name: string;
      /** @enum {string} */
      type: 'person' | 'team' | 'project' | 'technology' | 'place' | 'decision' | 'artifact' | 'topic';
      /**
       * @description Artifacts only
       * @enum {string|null}
       */
      kind: 'document' | 'repo' | 'ticket' | 'link' | null;
    };
    FactRelation: {
      /** @enum {string} */
      type: 'works_on' | 'owns' | 'decided' | 'asked' | 'answered' | 'uses' | 'depends_on' | 'mentions';
      /** @description An entity key of the fact's entities */
      source: string;
      /** @description An entity key of the fact's entities */
      target: string;
    };
    FactSource: {
      message_id: string;
      author_id: string | null;
      author_name: string | null;
      /** Format: date-time */
      timestamp: string;
      thread_id: string | null;
      permalink: string | null;
      /** @description The message as its author wrote it; null in facts extracted before */
      text: string | null;
    };
    FactView: {
      id: string;
      channel_id: string;
      text: string;
      /** @enum {string} */
      type: 'decision' | 'action_item' | 'question' | 'answer' | 'announcement' | 'opinion' | 'observation';
      confidence: number;
      entities: components['schemas']['FactEntityView'][];
      relations: components['schemas']['FactRelation'][];
      topics: string[];
      /** @description The single-valued subject it sets: deadline:project:atlas */
      subject: string | null;
      /** Format: date-time */
      valid_at: string;
      /** Format: date-time */
      due_at: string | null;
      supersedes: string | null;
      superseded_by: string | null;
      /** @description Whose work it is: a person entity key */
      owner: string | null;
      reports_done: boolean;
      /** @enum {string|null} */
      state: 'open' | 'done' | 'current' | 'superseded' | null;
      closed_by: string | null;
      /** @description ISO 639-1 code; 'und' when undetermined */
      language: string;
      source: components['schemas']['FactSource'];
    };
    FactsPageView: {
      channel_id: string;
      facts: components['schemas']['FactView'][];
      /** @description Pass as `cursor` for the next page; null on the last */
      next_cursor: string | null;
    };
    FactDetailView: {
      fact: components['schemas']['FactView'];
      /** @description The facts that replaced one another on its subject, oldest first, this one among them */
      chain: components['schemas']['FactView'][];
    };
    EntityView: {
      id: string;
      key: string;
      name: string;
      /** @enum {string} */
      type: 'person' | 'team' | 'project' | 'technology' | 'place' | 'decision' | 'artifact' | 'topic';
      /**
       * @description Artifacts only
       * @enum {string|null}
       */
      kind: 'document' | 'repo' | 'ticket' | 'link' | null;
      aliases: string[];
      channel_ids: string[];
    };
    EntitiesPageView: {
      entities: components['schemas']['EntityView'][];
      /** @description Pass as `cursor` for the next page; null on the last */
      next_cursor: string | null;
    };
    CountedEntityView: {
      id: string;
      key: string;
      name: string;
      /** @enum {string} */
      type: 'person' | 'team' | 'project' | 'technology' | 'place' | 'decision' | 'artifact' | 'topic';
      /**
       * @description Artifacts only
       * @enum {string|null}
       */
      kind: 'document' | 'repo' | 'ticket' | 'link' | null;
      aliases: string[];
      channel_ids: string[];
      /** @description All the facts about it */
      fact_count: number;
    };
    RelationEndView: {
      id: string;
      name: string | null;
      /** @enum {string|null} */
      type: 'person' | 'team' | 'project' | 'technology' | 'place' | 'decision' | 'artifact' | 'topic' | null;
    };
    RelationView: {
      id: string;
      /** @enum {string} */
      type: 'works_on' | 'owns' | 'decided' | 'asked' | 'answered' | 'uses' | 'depends_on' | 'mentions';
      /**
       * @description outgoing: the entity is the relation's source
       * @enum {string}
       */
      direction: 'outgoing' | 'incoming';
      other: components['schemas']['RelationEndView'];
      /** @description The facts that evidence the relation */
      fact_ids: string[];
      /** @description How strongly the facts evidence it */
      weight: number;
    };
    EntityDetailView: {
      entity: components['schemas']['CountedEntityView'];
      /** @description Strongest first */
      relations: components['schemas']['RelationView'][];
      /** @description The latest 50 */
      facts: components['schemas']['FactView'][];
    };
    MessageView: {
      /** @description The platform's message id (Slack: its `ts`) */
      message_id: string;
      channel_id: string;
      author_name: string | null;
      /** Format: date-time */
      timestamp: string;
      /** @description Empty when the message was deleted on the platform */
      text: string;
      /** @description The thread's parent message when it is a reply */
      thread_parent_id: string | null;
      /** @description Null when the platform gives none (an export) */
      permalink: string | null;
      edited: boolean;
      /** @description Deleted on the platform: a tombstone whose facts were retracted */
      deleted: boolean;
    };
    WikiPageSummary: {
      slug: string;
      title: string;
      version: number;
      /** Format: date-time */
      updated_at: string;
    };
    WikiIndexView: {
      channel_id: string;
      pages: components['schemas']['WikiPageSummary'][];
    };
    WikiCitation: {
      /** @description The number the page text cites as [n] */
      n: number;
      message_id: string;
      author_name: string | null;
      /** Format: date-time */
      timestamp: string;
      excerpt: string;
      permalink: string | null;
    };
    WikiPageView: {
      channel_id: string;
      slug: string;
      title: string;
      version: number;
      /**
       * Format: date-time
       * @description When this version was written
       */
      updated_at: string;
      /** @description The page, citing its sources as [n] */
      markdown: string;
      /** @description The Markdown rendered, safe to show: raw HTML is escaped */
      html: string;
      citations: components['schemas']['WikiCitation'][];
    };
    WikiPageVersionSummary: {
      version: number;
      content_hash: string;
      /** @description The sync job that wrote it */
      job_id: string;
      /** Format: date-time */
      created_at: string;
    };
    WikiVersionsView: {
      slug: string;
      /** @description Latest first */
      versions: components['schemas']['WikiPageVersionSummary'][];
    };
    McpMessage: {
      /** @enum {string} */
      jsonrpc: '2.0';
      /** @description Absent in a notification */
      id?: string | number;
      /**
       * @description initialize, tools/list, tools/call, resources/read...
       * @example tools/call
       */
      method: string;
      params?: {
        [key: string]: unknown;
      };
    };
    McpAnswer: {
      /** @enum {string} */
      jsonrpc: '2.0';
      id: (string | number) | null;
      /** @description tools/call: `content`, `structuredContent`, and `isError` with the API error envelope */
      result?: {
        [key: string]: unknown;
      };
      /** @description A protocol error: `code`, `message`, `data` */
      error?: {
        [key: string]: unknown;
      };
    };
    SearchWikiSectionView: {
      slug: string;
      /** @description The page's title */
      title: string;
      /** @description The section's heading (the page title for the part under it) */
      heading: string;
      /** @description The heading's element id on the rendered page (`html` of GET /api/wiki/{channel_id}/pages/{slug}) */
      anchor: string | null;
    };
    SearchCitationView: {
      message_id: string;
      author_id: string | null;
      author_name: string | null;
      /** Format: date-time */
      timestamp: string;
      /** @description The message on its platform, when it has a link */
      permalink: string | null;
    };
    SearchHit: {
      /** @enum {string} */
      kind: 'fact' | 'wiki_section' | 'message';
      /** @description The fact id, the message id, or `<slug>#<anchor>` of a wiki section */
      id: string;
      channel_id: string;
      channel_name: string | null;
      /** @description Plain text (never HTML): the matching part of the hit, cut with … when long */
      snippet: string;
      /** @description [start, end) of each matched word in `snippet`, in UTF-16 code units (JavaScript string indices) */
      highlights: number[][];
      /** @description BM25 relevance (a superseded fact: halved, and below what replaced it) */
      score: number;
      /** @description A fact about an entity the query names: ranked before the other hits */
      entity_match: boolean;
      /**
       * Format: date-time
       * @description A fact's valid_at, a message's time, a wiki page's updated_at
       */
      time: string;
      /**
       * @description Facts only
       * @enum {string|null}
       */
      fact_type: 'decision' | 'action_item' | 'question' | 'answer' | 'announcement' | 'opinion' | 'observation' | null;
      /**
       * @description Facts only
       * @enum {string|null}
       */
      state: 'open' | 'done' | 'current' | 'superseded' | null;
      /** @description Facts only: the fact that replaced it */
      superseded_by: string | null;
      /** @description Wiki sections only */
      wiki: components['schemas']['SearchWikiSectionView'] | null;
      /** @description The hit's source: a fact's or message's message, a wiki section's first citation */
      citation: components['schemas']['SearchCitationView'] | null;
      /** @description Every source: one, or the citations of a wiki section */
      citations: components['schemas']['SearchCitationView'][];
    };
    SearchPageView: {
      /** @description Best first */
      hits: components['schemas']['SearchHit'][];
      /** @description Pass as `cursor` for the next page; null on the last */
      next_cursor: string | null;
    };
    AskRequestDto: {
      /** @description The question, in words */
      question: string;
      /** @description Channels to answer from; every channel when absent */
      channel_ids?: string[];
    };
    AskEntityView: {
      /** @description The graph entity; null while the graph has not placed it */
      id: string | null;
      name: string;
      /** @enum {string} */
      type: 'person' | 'team' | 'project' | 'technology' | 'place' | 'decision' | 'artifact' | 'topic';
    };
    AskCitationView: {
      channel_id: string;
      message_id: string;
      author_name: string | null;
      /** Format: date-time */
      timestamp: string;
      permalink: string | null;
    };
    AskReplyView: {
      channel_id: string;
      message_id: string;
      author_name: string | null;
      /** Format: date-time */
      timestamp: string;
      permalink: string | null;
      /** @description What the reply says */
      text: string;
    };
    AskFactView: {
      /** @description Its number: 1 is the most relevant; prose cites it as [n] */
      n: number;
      id: string;
      text: string;
      /** @enum {string} */
      type: 'decision' | 'action_item' | 'question' | 'answer' | 'announcement' | 'opinion' | 'observation';
      /** Format: date-time */
      valid_at: string;
      citation: components['schemas']['AskCitationView'];
      /** @description The messages that replied to its message (in its thread, or addressed to its author), oldest first */
      replies: components['schemas']['AskReplyView'][];
    };
    AskFactGroupView: {
      /** @description null for facts that name no entity */
      entity: components['schemas']['AskEntityView'] | null;
      /** @description Oldest first */
      facts: components['schemas']['AskFactView'][];
    };
    AskMessageView: {
      channel_id: string;
      message_id: string;
      author_name: string | null;
      /** Format: date-time */
      timestamp: string;
      permalink: string | null;
      /** @description What the message says */
      text: string;
      /** @description The messages that replied to it (in its thread, or addressed to its author), oldest first */
      replies: components['schemas']['AskReplyView'][];
    };
    AskWikiSectionView: {
      channel_id: string;
      slug: string;
      page_title: string;
      /** @description The section's heading; null for a page's opening */
      heading: string | null;
      /** @description The heading's element id on the rendered page */
      anchor: string | null;
      /** @description The part of the section that matched, plain text */
      snippet: string;
      /** @description The sources the section cites, in first-use order */
      citations: components['schemas']['AskCitationView'][];
    };
    AskProseSentenceView: {
      /** @description A sentence of the answer, ending with the [n] of the facts it rests on */
      text: string;
      /** @description The n of the facts it cites */
      citations: number[];
    };
    AskProseView: {
      sentences: components['schemas']['AskProseSentenceView'][];
      /** @description Sentences of the model's answer left out: no citation, an unknown one, or nothing in common with the facts cited */
      dropped: number;
    };
    AskAnswerView: {
      question: string;
      /** @description false: no answer found, nothing in the channels supports one */
      answered: boolean;
      /** @description Why there is no answer, or why it has no prose (the model failed or is not configured: null then) */
      note: string | null;
      /** @description The words searched for: the question without its stop words */
      terms: string[];
      /** @description The channels asked */
      channel_ids: string[];
      /** @description The current facts that answer, by entity */
      groups: components['schemas']['AskFactGroupView'][];
      /** @description Messages that match the question and that no fact was extracted from (a bare command, a short reply), best first */
      messages: components['schemas']['AskMessageView'][];
      wiki_sections: components['schemas']['AskWikiSectionView'][];
      /** @description null without an LLM, or when its answer was unusable */
      prose: components['schemas']['AskProseView'] | null;
    };
    CreateWebhookDto: {
      /**
       * @description Where deliveries are POSTed: https to a public address unless the outbound-URL settings allow more
       * @example https://hooks.example.com/atlas
       */
      url: string;
      /**
       * @example [
       *       "SyncCompleted",
       *       "SyncFailed"
       *     ]
       */
      events: (
        | 'SyncRequested'
        | 'SyncStarted'
        | 'SyncStageRetrying'
        | 'WikiGenerated'
        | 'SyncCompleted'
        | 'SyncFailed'
        | 'SyncCancelled'
      )[];
      /** @description Signs every delivery (X-Atlas-Signature); stored encrypted and never shown again */
      secret?: string;
    };
    WebhookView: {
      webhook_id: string;
      url: string;
      events: (
        | 'SyncRequested'
        | 'SyncStarted'
        | 'SyncStageRetrying'
        | 'WikiGenerated'
        | 'SyncCompleted'
        | 'SyncFailed'
        | 'SyncCancelled'
      )[];
      /** @description Whether deliveries are signed; the secret itself is never shown */
      has_secret: boolean;
      /** Format: date-time */
      created_at: string;
    };
    WebhooksListView: {
      webhooks: components['schemas']['WebhookView'][];
    };
    DeletedWebhookView: {
      webhook_id: string;
      /** @enum {boolean} */
      deleted: true;
    };
    WebhookAttemptView: {
      attempt: number;
      /** @enum {string} */
      outcome: 'delivered' | 'retrying' | 'failed';
      /** @description The receiver's HTTP status; null without an answer */
      status_code: number | null;
      error: string | null;
      /** Format: date-time */
      attempted_at: string;
      /** Format: date-time */
      next_attempt_at: string | null;
    };
    WebhookDeliveryView: {
      /** @description Sent as X-Atlas-Delivery on every attempt */
      delivery_id: string;
      webhook_id: string;
      /** @enum {string} */
      event_type:
        | 'SyncRequested'
        | 'SyncStarted'
        | 'SyncStageRetrying'
        | 'WikiGenerated'
        | 'SyncCompleted'
        | 'SyncFailed'
        | 'SyncCancelled';
      event_id: string;
      job_id: string | null;
      channel_id: string | null;
      /**
       * @description `pending` before a first attempt, then the outcome of the latest
       * @enum {string}
       */
      status: 'pending' | 'delivered' | 'retrying' | 'failed';
      attempts: components['schemas']['WebhookAttemptView'][];
      /** Format: date-time */
      next_attempt_at: string | null;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    WebhookDeliveriesView: {
      /** @description Newest event first */
      deliveries: components['schemas']['WebhookDeliveryView'][];
      /** @description Pass as `cursor` for the next page; null on the last */
      next_cursor: string | null;
    };
    StoreHealthView: {
      /** @enum {string} */
      kind: 'sqlite' | 'mongodb';
      /** @enum {string} */
      status: 'ok' | 'unreachable';
    };
    ProjectionHealthView: {
      /** @description The last event the read models show */
      position: number | null;
      /** @description The last event of the log */
      log_position: number | null;
      /** @description Events the read models are behind */
      lag: number | null;
    };
    HealthView: {
      /** @enum {string} */
      status: 'ok' | 'degraded';
      /**
       * @description With a valid API key
       * @enum {string}
       */
      nats?: 'connected' | 'closed';
      /** @description With a valid API key */
      store?: components['schemas']['StoreHealthView'];
      /** @description With a valid API key */
      projection?: components['schemas']['ProjectionHealthView'];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  Schedules_list: {
    parameters: {
      query?: {
        /** @description Only this channel's schedule */
        channel_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SchedulesListView'];
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Schedules_update: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateScheduleDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScheduleView'];
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CHANNEL_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Sync_trigger: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TriggerSyncDto'];
      };
    };
    responses: {
      /** @description `started`, or `queued` while other syncs run */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TriggerSyncView'];
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CHANNEL_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `SYNC_IN_PROGRESS` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Sync_status: {
    parameters: {
      query: {
        /** @description Channel identifier */
        channel_id: string;
        /** @description Specific sync job ID; the channel's latest job when absent */
        job_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobStatusView'];
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CHANNEL_NOT_FOUND`, `JOB_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Sync_history: {
    parameters: {
      query: {
        /** @description Channel identifier */
        channel_id: string;
        /** @description Max results */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobHistoryListView'];
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CHANNEL_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Sync_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelSyncDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CancelSyncView'];
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `JOB_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `JOB_NOT_CANCELLABLE` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  SyncEvents_stream: {
    parameters: {
      query?: {
        /** @description Only this channel's jobs */
        channel_id?: string;
        /** @description Only this job */
        job_id?: string;
        /** @description Last-Event-ID for clients that cannot set headers; the header wins */
        last_event_id?: string;
        /** @description A token from POST /api/sync/events/token, instead of the Authorization header */
        token?: string;
      };
      header?: {
        /** @description Resume after this event id */
        'Last-Event-ID'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An open event stream */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CHANNEL_NOT_FOUND`, `JOB_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: this API key's request limit (Retry-After header); `TOO_MANY_STREAMS`: the key has as many streams open as ATLAS_SSE_MAX_STREAMS_PER_KEY allows */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  SyncEvents_token: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SyncEventsTokenView'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Connections_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectionsListView'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Connections_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateConnectionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedConnectionView'];
        };
      };
      /** @description `VALIDATION_ERROR`, `AUTH_ERROR`, `CHANNEL_NOT_FOUND` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CONNECTION_EXISTS` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: this API key's limit (Retry-After header), or the platform's limit on the connection (`details.retry_after` only) */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `PLATFORM_ERROR`, `INTERNAL_ERROR` */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Connections_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        connection_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectionView'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CONNECTION_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Connections_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        connection_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateConnectionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectionView'];
        };
      };
      /** @description `VALIDATION_ERROR`, `AUTH_ERROR`, `CHANNEL_NOT_FOUND` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CONNECTION_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CONNECTION_CHANGED` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: this API key's limit (Retry-After header), or the platform's limit on the connection (`details.retry_after` only) */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `PLATFORM_ERROR`, `INTERNAL_ERROR` */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Connections_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        connection_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeletedConnectionView'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CONNECTION_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Connections_test: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        connection_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectionCheck'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CONNECTION_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Channels_list: {
    parameters: {
      query?: {
        /** @description Only this connection's channels */
        connection_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChannelsListView'];
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Imports_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': components['schemas']['ImportUploadBody'];
      };
    };
    responses: {
      /** @description The same file was imported before: its connection */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportAnswer'];
        };
      };
      /** @description A new connection made from the file */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportAnswer'];
        };
      };
      /** @description `VALIDATION_ERROR`, `FILE_REQUIRED`, `UPLOAD_TOO_LARGE`, `UNKNOWN_FORMAT`, `MALFORMED_FILE`, `RECORD_TOO_LARGE`, `UNSAFE_ARCHIVE`, `ARCHIVE_TOO_LARGE`, `AUTH_ERROR`, `CHANNEL_NOT_FOUND` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `IMPORT_EXHAUSTED` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: this API key's limit (Retry-After header), or the platform's limit on the connection (`details.retry_after` only) */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `PLATFORM_ERROR`, `INTERNAL_ERROR` */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Facts_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description `next_cursor` of the previous page */
        cursor?: string;
        /** @description One or more, repeated or comma-separated */
        type?: ('decision' | 'action_item' | 'question' | 'answer' | 'announcement' | 'opinion' | 'observation')[];
        /** @description A graph entity id: facts about that entity */
        entity?: string;
        /** @description Search words: each must begin a word of the fact's text, case and accents ignored */
        q?: string;
        /** @description valid_at from (inclusive): an ISO 8601 date or date-time */
        from?: string;
        /** @description valid_at to (exclusive): an ISO 8601 date or date-time */
        to?: string;
      };
      header?: never;
      path: {
        channel_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FactsPageView'];
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CHANNEL_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Facts_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channel_id: string;
        fact_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FactDetailView'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CHANNEL_NOT_FOUND`, `FACT_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Graph_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description `next_cursor` of the previous page */
        cursor?: string;
        /** @description Entities of this channel */
        channel_id?: string;
        /** @description One or more, repeated or comma-separated */
        type?: ('person' | 'team' | 'project' | 'technology' | 'place' | 'decision' | 'artifact' | 'topic')[];
        /** @description Text the entity's name contains, in any case */
        name?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntitiesPageView'];
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CHANNEL_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Graph_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        entity_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityDetailView'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `ENTITY_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Messages_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channel_id: string;
        message_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageView'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CHANNEL_NOT_FOUND`, `MESSAGE_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Wiki_index: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channel_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WikiIndexView'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CHANNEL_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Wiki_page: {
    parameters: {
      query?: {
        /** @description An earlier version; the current one when absent */
        version?: number;
      };
      header?: never;
      path: {
        channel_id: string;
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WikiPageView'];
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CHANNEL_NOT_FOUND`, `WIKI_PAGE_NOT_FOUND`, `WIKI_PAGE_VERSION_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Wiki_versions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channel_id: string;
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WikiVersionsView'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CHANNEL_NOT_FOUND`, `WIKI_PAGE_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  WikiExport_export: {
    parameters: {
      query?: {
        /** @description `markdown`: one Obsidian note per wiki page; `json`: facts.jsonl, entities.jsonl and relations.jsonl */
        format?: 'markdown' | 'json';
      };
      header?: never;
      path: {
        channel_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ZIP, as an attachment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/zip': string;
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CHANNEL_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Mcp_stream: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `METHOD_NOT_ALLOWED`; `Allow: POST` */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Mcp_handle: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['McpMessage'];
      };
    };
    responses: {
      /** @description The JSON-RPC answer */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['McpAnswer'];
        };
      };
      /** @description A notification or response was accepted: no body */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Mcp_end: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `METHOD_NOT_ALLOWED`; `Allow: POST` */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Search_find: {
    parameters: {
      query: {
        limit?: number;
        /** @description `next_cursor` of the previous page */
        cursor?: string;
        /** @description Search words: a hit holds at least one (each may begin a longer word); case and accents ignored */
        q: string;
        /** @description Only these channels (one or more) */
        channel_id?: string[];
        /** @description Only these kinds of hit */
        kind?: ('fact' | 'wiki_section' | 'message')[];
        /** @description Only facts of these types (alone: only facts; with `kind`, it must include fact) */
        type?: ('decision' | 'action_item' | 'question' | 'answer' | 'announcement' | 'opinion' | 'observation')[];
        /** @description A hit's time from (inclusive): an ISO 8601 date or date-time */
        from?: string;
        /** @description A hit's time to (exclusive): an ISO 8601 date or date-time */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SearchPageView'];
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Ask_ask: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AskRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AskAnswerView'];
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `CHANNEL_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Webhooks_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhooksListView'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Webhooks_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWebhookDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookView'];
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `WEBHOOK_EXISTS` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Webhooks_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        webhook_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookView'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `WEBHOOK_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Webhooks_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        webhook_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeletedWebhookView'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `WEBHOOK_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Webhooks_deliveries: {
    parameters: {
      query?: {
        limit?: number;
        /** @description `next_cursor` of the previous page */
        cursor?: string;
      };
      header?: never;
      path: {
        webhook_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveriesView'];
        };
      };
      /** @description `VALIDATION_ERROR` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `UNAUTHORIZED`: no valid API key in `Authorization: Bearer <key>` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `WEBHOOK_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `RATE_LIMIT`: too many requests with this API key; `details.retry_after` repeats Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before trying again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Health_health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthView'];
        };
      };
      /** @description degraded: NATS, the event log or the store fails */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthView'];
        };
      };
    };
  };
  Metrics_metrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Prometheus text format */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description `UNAUTHORIZED`: no API key or metrics token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description `INTERNAL_ERROR` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
}
