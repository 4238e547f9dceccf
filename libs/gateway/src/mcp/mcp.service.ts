import { Inject, Injectable, Logger, ValidationPipe } from '@nestjs/common';
import type { Request, Response } from 'express';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolResult, ErrorCode, McpError, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { AppError, errorMessage } from '@atlas/common';
import type { AtlasConfig } from '@atlas/config';
import { ChannelsQueries } from '@atlas/read-models';
import { ATLAS_CONFIG } from '@atlas/runtime';
import { AskService } from '../ask/ask.service';
import { envelope, ErrorEnvelope } from '../http/error-envelope';
import { ServerPaths } from '../http/server-paths';
import { createValidationPipe } from '../http/validation';
import { FactsService } from '../knowledge/facts.service';
import { GraphService } from '../knowledge/graph.service';
import { WikiService } from '../knowledge/wiki.service';
import { SearchService } from '../search/search.service';
import { SyncService } from '../sync/sync.service';
import { inputSchemaOf } from './dto-input-schema';
import { MCP_TOOLS, ToolAnswer, ToolDefinition, ToolServices } from './mcp-tools';
import { uriVariable, WIKI_PAGE_TEMPLATE, wikiPageUri } from './wiki-resources';

const SERVER_INFO = { name: 'atlas-sync', title: 'Atlas Sync', version: '0.1.0' };
const INSTRUCTIONS =
  "Atlas Sync turns a team's chat into a knowledge base: atomic facts, a knowledge graph and a wiki per channel, " +
  'every statement citing the message it comes from. Start with `ask` or `search`; `list_channels` names the ' +
  'channels, `get_facts`, `get_entity` and the wiki tools read them. Quote the permalinks of the citations.';
/** MCP's code for a resource that does not exist (the specification's -32002). */
const RESOURCE_NOT_FOUND = -32002;

/**
 * The MCP server (Streamable HTTP, stateless: docs/MCP.md). Each POST to /mcp gets a server and transport of its
 * own, answering in JSON; the tools call the services the REST controllers call, with the input validated by the
 * REST route's DTO through the REST API's validation pipe, and answer the API's error envelope as a tool error.
 */
@Injectable()
export class McpService {
  private readonly log = new Logger('Mcp');
  private readonly services: ToolServices;
  private readonly validation: ValidationPipe = createValidationPipe();
  private readonly paths: ServerPaths;
  /** Built once: the JSON Schemas of the tools' inputs, from their DTOs. */
  private readonly inputSchemas = new Map<string, z.ZodType>(
    MCP_TOOLS.map((tool) => [tool.name, inputSchemaOf(tool.input)]),
  );

  constructor(
    channels: ChannelsQueries,
    sync: SyncService,
    facts: FactsService,
    graph: GraphService,
    private readonly wiki: WikiService,
    search: SearchService,
    ask: AskService,
    @Inject(ATLAS_CONFIG) config: AtlasConfig,
  ) {
    this.services = { channels, sync, facts, graph, wiki, search, ask };
    this.paths = new ServerPaths(config.importDir, config.dataDir);
  }

  /** One MCP request (a JSON-RPC message or batch), answered on `response`. */
  async handle(request: Request, response: Response, body: unknown): Promise<void> {
    const server = this.server();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    response.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request, response, body);
  }

  private server(): McpServer {
    const server = new McpServer(SERVER_INFO, { instructions: INSTRUCTIONS });
    for (const tool of MCP_TOOLS) {
      server.registerTool(
        tool.name,
        {
          title: tool.title,
          description: tool.description,
          inputSchema: this.inputSchemas.get(tool.name)!,
          annotations: tool.annotations,
        },
        (args: unknown) => this.call(tool, args),
      );
    }
    server.registerResource(
      'wiki-page',
      new ResourceTemplate(WIKI_PAGE_TEMPLATE, { list: () => this.listPages() }),
      {
        title: 'Wiki page',
        description:
          "A page of a channel's wiki as Markdown, citing its sources as [n] (its Sources list resolves them)",
        mimeType: 'text/markdown',
      },
      (uri, variables) => this.readPage(uri, uriVariable(variables.channel_id), uriVariable(variables.slug)),
    );
    return server;
  }

  private async call(tool: ToolDefinition, args: unknown): Promise<CallToolResult> {
    try {
      const input = (await this.validation.transform(args ?? {}, { type: 'body', metatype: tool.input })) as object;
      return this.result(await tool.run(this.services, input));
    } catch (error) {
      const refusal = this.envelopeOf(error);
      return {
        content: [{ type: 'text', text: JSON.stringify(refusal) }],
        structuredContent: { ...refusal },
        isError: true,
      };
    }
  }

  private result(answer: ToolAnswer): CallToolResult {
    // As every REST answer does (express's json replacer): no server folder in what a client reads.
    const result = JSON.parse(JSON.stringify(answer.result, this.paths.jsonReplacer)) as Record<string, unknown>;
    return {
      content: [
        { type: 'text', text: answer.text === undefined ? JSON.stringify(result) : this.paths.hide(answer.text) },
        ...(answer.links ?? []).map((link) => ({ type: 'resource_link' as const, mimeType: 'text/markdown', ...link })),
      ],
      structuredContent: result,
    };
  }

  /** The API's error envelope: the refusal as the REST API gives it, or INTERNAL_ERROR (logged) for a failure. */
  private envelopeOf(error: unknown): ErrorEnvelope {
    if (error instanceof AppError) return envelope(error.code, this.paths.hide(error.message), error.details);
    this.log.error(error instanceof Error ? (error.stack ?? error.message) : errorMessage(error));
    return envelope('INTERNAL_ERROR', 'Internal server error');
  }

  /** Every channel's wiki pages, as resources. */
  private async listPages() {
    const channels = await this.services.channels.list();
    const indexes = await Promise.all(channels.map((channel) => this.wiki.index(channel.channel_id)));
    return {
      resources: indexes.flatMap((index, i) =>
        index.pages.map((page) => ({
          uri: wikiPageUri(index.channel_id, page.slug),
          name: page.slug,
          title: `${page.title} (#${channels[i].name})`,
          mimeType: 'text/markdown',
        })),
      ),
    };
  }

  private async readPage(uri: URL, channelId: string, slug: string): Promise<ReadResourceResult> {
    try {
      const page = await this.wiki.page(channelId, slug, undefined);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: page.markdown }] };
    } catch (error) {
      const { error: refusal } = this.envelopeOf(error);
      const code = refusal.code.endsWith('_NOT_FOUND') ? RESOURCE_NOT_FOUND : ErrorCode.InternalError;
      throw new McpError(code, `${refusal.code}: ${refusal.message}`, refusal);
    }
  }
}
