import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const JSON_RPC_ID = { oneOf: [{ type: 'string' }, { type: 'integer' }] };

/** A JSON-RPC 2.0 message of MCP, as the document describes the body of POST /mcp (the SDK checks it). */
export class McpMessage {
  @ApiProperty({ enum: ['2.0'] }) jsonrpc: '2.0';
  @ApiPropertyOptional({ ...JSON_RPC_ID, description: 'Absent in a notification' }) id?: string | number;
  @ApiProperty({ example: 'tools/call', description: 'initialize, tools/list, tools/call, resources/read...' })
  method: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) params?: Record<string, unknown>;
}

/** The JSON-RPC answer to a request: its `result`, or an `error` of the protocol. */
export class McpAnswer {
  @ApiProperty({ enum: ['2.0'] }) jsonrpc: '2.0';
  @ApiProperty({ ...JSON_RPC_ID, nullable: true }) id: string | number | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'tools/call: `content`, `structuredContent`, and `isError` with the API error envelope',
  })
  result?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'A protocol error: `code`, `message`, `data`',
  })
  error?: Record<string, unknown>;
}
