import type { Type } from '@nestjs/common';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { ChannelsQueries } from '@atlas/read-models';
import { AskRequestDto } from '../ask/ask.dto';
import type { AskService } from '../ask/ask.service';
import { ListChannelsQuery } from '../connections/connections.dto';
import { channelSummary } from '../connections/connections.service';
import type { FactsService } from '../knowledge/facts.service';
import type { GraphService } from '../knowledge/graph.service';
import type { WikiService } from '../knowledge/wiki.service';
import { searchQueryOf, SearchRequestQuery } from '../search/search.dto';
import type { SearchService } from '../search/search.service';
import { SyncStatusQuery, TriggerSyncDto } from '../sync/sync.dto';
import type { SyncService } from '../sync/sync.service';
import { GetEntityInput, GetFactsInput, GetWikiPageInput, ListWikiPagesInput } from './mcp-tool-inputs';
import { wikiPageUri } from './wiki-resources';

/** The gateway services the tools call: the ones the REST controllers call, never the REST API itself. */
export interface ToolServices {
  channels: ChannelsQueries;
  sync: SyncService;
  facts: FactsService;
  graph: GraphService;
  wiki: WikiService;
  search: SearchService;
  ask: AskService;
}

/** What a tool answers: its result as JSON (or the text given), and links to resources it names. */
export interface ToolAnswer {
  result: object;
  /** The text for the model; the result as JSON when absent. */
  text?: string;
  links?: Array<{ uri: string; name: string; title: string }>;
}

export interface ToolDefinition<Input extends object = any> {
  name: string;
  title: string;
  description: string;
  /** The REST route's DTO: the input's schema is its description, and it validates the input (mcp.service.ts). */
  input: Type<Input>;
  annotations: ToolAnnotations;
  run(services: ToolServices, input: Input): Promise<ToolAnswer>;
}

const READ = { readOnlyHint: true, openWorldHint: false } as const;
const tool = <Input extends object>(definition: ToolDefinition<Input>) => definition;

/** The tools, in the order a client lists them. Each names the REST route it mirrors. */
export const MCP_TOOLS: ToolDefinition[] = [
  tool({
    name: 'search',
    title: 'Search the knowledge base',
    description:
      'Ranked search (BM25, entity matches first, recency) over facts, wiki sections and messages of every channel, ' +
      'as GET /api/search. Each hit has a snippet and its citation: message id, author, time, permalink.',
    input: SearchRequestQuery,
    annotations: READ,
    run: async ({ search }, query) => ({
      result: await search.search(searchQueryOf(query)),
    }),
  }),
  tool({
    name: 'ask',
    title: 'Ask a question',
    description:
      'Answers a question from the current facts, each cited (message, author, time, permalink), grouped by entity, ' +
      'with the wiki sections that cover it; `answered: false` when nothing supports an answer. As POST /api/ask.',
    input: AskRequestDto,
    annotations: READ,
    run: async ({ ask }, request) => ({ result: await ask.ask(request) }),
  }),
  tool({
    name: 'list_channels',
    title: 'List channels',
    description:
      'The channels Atlas knows, of every connection or of one: id, name, platform, last sync. As GET /api/channels.',
    input: ListChannelsQuery,
    annotations: READ,
    run: async ({ channels }, query) => ({
      result: { channels: (await channels.list({ connection_id: query.connection_id })).map(channelSummary) },
    }),
  }),
  tool({
    name: 'sync_channel',
    title: 'Sync a channel',
    description:
      "Starts a sync of the channel (fetch, extract facts, build the graph, write the wiki); answers the job's id. " +
      'Follow it with sync_status. As POST /api/sync; SYNC_IN_PROGRESS when one runs (its job_id in details).',
    input: TriggerSyncDto,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    run: async ({ sync }, body) => ({ result: await sync.trigger(body.channel_id, body.force ?? false) }),
  }),
  tool({
    name: 'sync_status',
    title: 'Sync status',
    description:
      "A sync job's status, stage, progress and error: the channel's latest job, or the one named. As GET /api/sync/status.",
    input: SyncStatusQuery,
    annotations: READ,
    run: async ({ sync }, query) => ({ result: await sync.status(query.channel_id, query.job_id) }),
  }),
  tool({
    name: 'get_facts',
    title: "A channel's facts",
    description:
      "The channel's atomic facts in time order, filtered by type, entity, words and time, one page at a time " +
      '(pass next_cursor back as cursor). Each has its source message: author, time, permalink. As GET /api/channels/{channel_id}/facts.',
    input: GetFactsInput,
    annotations: READ,
    run: async ({ facts }, { channel_id, ...query }) => ({ result: await facts.list(channel_id, query) }),
  }),
  tool({
    name: 'get_entity',
    title: 'An entity of the knowledge graph',
    description:
      'A person, team, project, technology... with its relations (each with its evidence facts) and its 50 latest ' +
      'facts, each with its source. As GET /api/graph/entities/{entity_id}.',
    input: GetEntityInput,
    annotations: READ,
    run: async ({ graph }, { entity_id }) => ({ result: await graph.get(entity_id) }),
  }),
  tool({
    name: 'list_wiki_pages',
    title: "A channel's wiki pages",
    description:
      "The pages of the channel's wiki: slug, title, version, time; each also a resource (atlas://wiki/{channel_id}/{slug}). " +
      'As GET /api/wiki/{channel_id}.',
    input: ListWikiPagesInput,
    annotations: READ,
    run: async ({ wiki }, { channel_id }) => {
      const index = await wiki.index(channel_id);
      const links = index.pages.map((page) => ({
        uri: wikiPageUri(channel_id, page.slug),
        name: page.slug,
        title: page.title,
      }));
      return { result: index, links };
    },
  }),
  tool({
    name: 'get_wiki_page',
    title: 'A wiki page',
    description:
      'A wiki page as Markdown, citing its sources as [n]; its Sources list (and `citations`) give each [n] its ' +
      'author, time, excerpt and permalink. An earlier version with `version`. As GET /api/wiki/{channel_id}/pages/{slug}.',
    input: GetWikiPageInput,
    annotations: READ,
    run: async ({ wiki }, { channel_id, slug, version }) => {
      const { html: _html, ...page } = await wiki.page(channel_id, slug, version);
      return { result: page, text: page.markdown };
    },
  }),
];
