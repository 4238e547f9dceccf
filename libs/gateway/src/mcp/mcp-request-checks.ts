import type { Request } from 'express';
import { MAX_BATCH_SIZE } from '@modelcontextprotocol/sdk/server/requestBody.js';
import { JSONRPCMessageSchema, SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import { ValidationError } from '@atlas/common';

/**
 * What the SDK's transport would refuse at the HTTP level before MCP starts (Accept, Content-Type, a body that is
 * not JSON-RPC, an unknown protocol version), refused first here with the API's 400 VALIDATION_ERROR: the SDK
 * answers those with a JSON-RPC error body, and every 4xx of this API is the error envelope. What passes is
 * answered by MCP itself (a protocol error is a JSON-RPC error in a 200 answer, as the protocol has it).
 */
export function checkMcpRequest(request: Request, body: unknown): void {
  const problems: string[] = [];
  const accept = request.headers.accept ?? '';
  if (!accept.includes('application/json') || !accept.includes('text/event-stream'))
    problems.push('Accept must list application/json and text/event-stream (an MCP client sends both)');
  if (!request.is('application/json')) problems.push('Content-Type must be application/json');
  else if (!isJsonRpc(body))
    problems.push(`The body must be a JSON-RPC 2.0 message, or a batch of at most ${MAX_BATCH_SIZE}`);
  const version = request.headers['mcp-protocol-version'];
  if (typeof version === 'string' && !SUPPORTED_PROTOCOL_VERSIONS.includes(version))
    problems.push(`MCP-Protocol-Version ${version} is not one of ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}`);
  if (problems.length > 0) throw new ValidationError(problems[0], { problems });
}

function isJsonRpc(body: unknown): boolean {
  const messages = Array.isArray(body) ? body : [body];
  if (messages.length === 0 || messages.length > MAX_BATCH_SIZE) return false;
  return messages.every((message) => JSONRPCMessageSchema.safeParse(message).success);
}
