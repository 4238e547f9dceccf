import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiErrors, ApiKeyRequired } from '../http/api-answers';
import { envelope, ErrorEnvelope } from '../http/error-envelope';
import { McpAnswer, McpMessage } from './mcp-messages';
import { checkMcpRequest } from './mcp-request-checks';
import { McpService } from './mcp.service';

export const MCP_PATH = 'mcp';

const STATELESS =
  'The server is stateless: it keeps no session, so it offers no stream at GET and no session to end at DELETE.';

/**
 * The Model Context Protocol endpoint (Streamable HTTP, docs/MCP.md), behind the same API key, rate limit and
 * security headers as the REST API.
 */
@ApiKeyRequired()
@Controller(MCP_PATH)
export class McpController {
  constructor(private readonly mcp: McpService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'MCP over Streamable HTTP: tools search, ask, list_channels, sync_channel, sync_status, get_facts, ...',
    description:
      'A JSON-RPC 2.0 message (or batch) of the Model Context Protocol; `Accept` must list application/json and ' +
      'text/event-stream. Requests are answered in JSON (200), notifications and responses with 202 and no body. ' +
      'A tool refusal is a result with `isError: true` whose text is the API error envelope. A body that is not ' +
      'JSON-RPC, an Accept or Content-Type an MCP client would not send, or an unknown MCP-Protocol-Version is a 400 ' +
      '`VALIDATION_ERROR`; a protocol error (unknown method...) is a JSON-RPC error in a 200 answer. ' +
      `${STATELESS} docs/MCP.md.`,
  })
  @ApiBody({ type: McpMessage })
  @ApiOkResponse({ type: McpAnswer, description: 'The JSON-RPC answer' })
  @ApiResponse({ status: 202, description: 'A notification or response was accepted: no body' })
  @ApiErrors({ 400: ['VALIDATION_ERROR'] })
  async handle(@Body() body: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    checkMcpRequest(request, body);
    await this.mcp.handle(request, response, body);
  }

  @Get()
  @ApiOperation({ summary: 'No server-sent stream: 405 (the MCP client then only POSTs)', description: STATELESS })
  @ApiResponse({ status: 405, description: '`METHOD_NOT_ALLOWED`; `Allow: POST`', type: ErrorEnvelope })
  stream(@Res() response: Response): void {
    refuse(response);
  }

  @Delete()
  @ApiOperation({ summary: 'No session to end: 405', description: STATELESS })
  @ApiResponse({ status: 405, description: '`METHOD_NOT_ALLOWED`; `Allow: POST`', type: ErrorEnvelope })
  end(@Res() response: Response): void {
    refuse(response);
  }
}

function refuse(response: Response): void {
  response
    .status(405)
    .setHeader('Allow', 'POST')
    .json(envelope('METHOD_NOT_ALLOWED', `MCP at /${MCP_PATH} is stateless: only POST is served`));
}
