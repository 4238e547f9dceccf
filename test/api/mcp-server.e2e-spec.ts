import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { AtlasHarness, eventually, startAtlas, TEST_API_KEY } from '../support/atlas-harness';
import { walkListing } from '../support/paged-listing';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(180_000);

const START = 1_767_225_600;
const KNOW = 'C0MCP';

const TOOLS = [
  'search',
  'ask',
  'list_channels',
  'sync_channel',
  'sync_status',
  'get_facts',
  'get_entity',
  'list_wiki_pages',
  'get_wiki_page',
];

/**
 * The product as an MCP server, driven by the SDK's own client over Streamable HTTP at /mcp: a channel synced
 * through the tools, its knowledge read through them and as resources, keys and input checked as the REST API does.
 */
describe('MCP server', () => {
  let atlas: AtlasHarness;
  let client: Client;

  const connect = async (key: string | null) => {
    const transport = new StreamableHTTPClientTransport(new URL(`${atlas.api.baseUrl}/mcp`), {
      requestInit: { headers: key === null ? {} : { Authorization: `Bearer ${key}` } },
    });
    const connected = new Client({ name: 'atlas-e2e', version: '1.0.0' });
    await connected.connect(transport);
    return connected;
  };
  /** A tool's answer: its structured result, after checking the text carries it too. */
  const call = async (name: string, args: Record<string, unknown>) => {
    const result: any = await client.callTool({ name, arguments: args });
    expect({ name, isError: result.isError ?? false }).toEqual({ name, isError: false });
    return result;
  };
  const refusal = async (name: string, args: Record<string, unknown>) => {
    const result: any = await client.callTool({ name, arguments: args });
    expect(result.isError).toBe(true);
    const envelope = JSON.parse(result.content[0].text);
    expect(result.structuredContent).toEqual(envelope);
    return envelope.error;
  };

  beforeAll(async () => {
    atlas = await startAtlas();
    writeSlackExport(join(atlas.importDir, 'acme'), [generatedChannel(KNOW, 'mcp', 40, START)]);
    const connection = await atlas.api.post('/api/connections', {
      name: 'Acme export',
      platform: 'slack_export',
      config: { path: 'acme', workspace_url: 'https://acme.slack.com' },
    });
    expect(connection.status).toBe(201);
    client = await connect(TEST_API_KEY);
  });

  afterAll(async () => {
    await client?.close();
    await atlas?.close();
  });

  it('lists its tools, each with the input schema of its REST route (types, enums, limits)', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(TOOLS);
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    const facts = byName.get('get_facts')!.inputSchema as any;
    expect(facts.required).toEqual(['channel_id']);
    expect(facts.additionalProperties).toBe(false);
    expect(facts.properties.limit).toEqual({ type: 'integer', minimum: 1, maximum: 200, default: 50 });
    expect(facts.properties.type).toMatchObject({
      type: 'array',
      items: { type: 'string', enum: expect.arrayContaining(['decision']) },
    });
    expect(facts.properties.channel_id).toMatchObject({ type: 'string', minLength: 1, maxLength: 200 });
    const ask = byName.get('ask')!.inputSchema as any;
    expect(ask.required).toEqual(['question']);
    expect(ask.properties.question).toMatchObject({ type: 'string', minLength: 1, maxLength: 500 });
    expect(ask.properties.channel_ids).toMatchObject({ type: 'array', items: { type: 'string' }, maxItems: 100 });
    expect(byName.get('sync_channel')!.annotations).toMatchObject({ readOnlyHint: false });
    expect(byName.get('get_wiki_page')!.annotations).toMatchObject({ readOnlyHint: true });
  });

  it('lists channels, syncs one with sync_channel and follows it with sync_status until it completes', async () => {
    const listed = await call('list_channels', {});
    expect(listed.structuredContent.channels).toEqual([
      expect.objectContaining({ channel_id: KNOW, name: 'mcp', platform: 'slack_export', last_sync: null }),
    ]);
    expect(JSON.parse(listed.content[0].text)).toEqual(listed.structuredContent);

    const started = await call('sync_channel', { channel_id: KNOW });
    expect(started.structuredContent).toMatchObject({
      status: 'started',
      channel_id: KNOW,
      job_id: expect.any(String),
    });
    const jobId = started.structuredContent.job_id;
    const again = await refusal('sync_channel', { channel_id: KNOW });
    expect(again).toMatchObject({ code: 'SYNC_IN_PROGRESS', details: { job_id: jobId } });

    const done = await eventually(
      async () => {
        const status = (await call('sync_status', { channel_id: KNOW, job_id: jobId })).structuredContent;
        expect(status.status).not.toBe('failed');
        return status.status === 'completed' ? status : undefined;
      },
      120_000,
      'the sync to complete',
    );
    expect(done).toMatchObject({ job_id: jobId, channel_id: KNOW, progress: { percentage: 100 } });
  });

  it('reads facts, an entity and wiki pages with their citations, as the REST API gives them', async () => {
    const restFacts = (await walkListing(atlas.api, `/api/channels/${KNOW}/facts`, 'facts', 200)).items;
    const page = (await call('get_facts', { channel_id: KNOW, limit: 10 })).structuredContent;
    expect(page.facts).toEqual(restFacts.slice(0, 10));
    expect(page.facts[0].source).toMatchObject({
      message_id: expect.any(String),
      author_name: expect.any(String),
      permalink: expect.stringMatching(/^https:\/\/acme\.slack\.com\/archives\/C0MCP\/p\d+/),
    });
    const next = (await call('get_facts', { channel_id: KNOW, limit: 10, cursor: page.next_cursor })).structuredContent;
    expect(next.facts).toEqual(restFacts.slice(10, 20));
    const decisions = (await call('get_facts', { channel_id: KNOW, type: ['decision'] })).structuredContent.facts;
    expect(decisions.length).toBeGreaterThan(0);
    expect(new Set(decisions.map((fact: any) => fact.type))).toEqual(new Set(['decision']));

    const entityId = restFacts.flatMap((fact: any) => fact.entities).find((entity: any) => entity.id !== null).id;
    const entity = (await call('get_entity', { entity_id: entityId })).structuredContent;
    expect(entity).toEqual((await atlas.api.get(`/api/graph/entities/${entityId}`)).body);

    const index = await call('list_wiki_pages', { channel_id: KNOW });
    expect(index.structuredContent).toEqual((await atlas.api.get(`/api/wiki/${KNOW}`)).body);
    const links = index.content.filter((item: any) => item.type === 'resource_link');
    expect(links.map((link: any) => link.uri)).toEqual(
      index.structuredContent.pages.map((summary: any) => `atlas://wiki/${KNOW}/${summary.slug}`),
    );
    const cited = [];
    for (const summary of index.structuredContent.pages) {
      const wikiPage = await call('get_wiki_page', { channel_id: KNOW, slug: summary.slug });
      const { html, ...rest } = (await atlas.api.get(`/api/wiki/${KNOW}/pages/${summary.slug}`)).body;
      expect(html).toEqual(expect.any(String));
      expect(wikiPage.structuredContent).toEqual(rest);
      expect(wikiPage.content[0].text).toBe(rest.markdown);
      if (rest.citations.length > 0) cited.push(rest);
    }
    expect(cited.length).toBeGreaterThan(0);
    expect(cited[0].citations[0]).toMatchObject({ n: 1, permalink: expect.stringContaining('acme.slack.com') });
  });

  it('searches and answers a question with citations', async () => {
    const search = (await call('search', { q: 'Postgres billing', channel_id: [KNOW], limit: 5 })).structuredContent;
    expect(search.hits.length).toBeGreaterThan(0);
    expect(search.hits[0]).toMatchObject({
      channel_id: KNOW,
      citation: { permalink: expect.stringContaining('acme.slack.com') },
    });
    expect(search).toEqual((await atlas.api.get(`/api/search?q=Postgres%20billing&channel_id=${KNOW}&limit=5`)).body);

    const question = 'Where does the Billing Service move to?';
    const answer = (await call('ask', { question, channel_ids: [KNOW] })).structuredContent;
    expect(answer).toEqual((await atlas.api.post('/api/ask', { question, channel_ids: [KNOW] })).body);
    expect(answer.answered).toBe(true);
    const facts = answer.groups.flatMap((group: any) => group.facts);
    expect(facts.some((fact: any) => /Postgres/.test(fact.text))).toBe(true);
    for (const fact of facts) expect(fact.citation.permalink).toMatch(/^https:\/\/acme\.slack\.com\//);
  });

  it('serves the wiki pages as resources: listed by the template, read as Markdown', async () => {
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates).toEqual([
      expect.objectContaining({ uriTemplate: 'atlas://wiki/{channel_id}/{slug}', mimeType: 'text/markdown' }),
    ]);
    const { resources } = await client.listResources();
    const pages = (await atlas.api.get(`/api/wiki/${KNOW}`)).body.pages;
    expect(resources.map((resource) => resource.uri).sort()).toEqual(
      pages.map((summary: any) => `atlas://wiki/${KNOW}/${summary.slug}`).sort(),
    );
    const slug = pages[0].slug;
    const read = await client.readResource({ uri: `atlas://wiki/${KNOW}/${slug}` });
    expect(read.contents).toEqual([
      {
        uri: `atlas://wiki/${KNOW}/${slug}`,
        mimeType: 'text/markdown',
        text: (await atlas.api.get(`/api/wiki/${KNOW}/pages/${slug}`)).body.markdown,
      },
    ]);
    await expect(client.readResource({ uri: `atlas://wiki/${KNOW}/no-such-page` })).rejects.toThrow(
      /WIKI_PAGE_NOT_FOUND/,
    );
  });

  it('refuses bad input as the REST API does: a tool error carrying the error envelope', async () => {
    const tooMany = await refusal('get_facts', { channel_id: KNOW, limit: 500 });
    const rest = (await atlas.api.get(`/api/channels/${KNOW}/facts?limit=500`)).body.error;
    expect(tooMany).toEqual(rest);
    expect(tooMany).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: { problems: ['limit must not be greater than 200'] },
    });

    expect(await refusal('get_facts', { channel_id: KNOW, type: ['rumour'] })).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: expect.stringMatching(/^type must be one or more of: /),
    });
    expect(await refusal('get_facts', { channel_id: KNOW, limt: 5 })).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: { problems: ['property limt should not exist'] },
    });
    expect(await refusal('sync_status', {})).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await refusal('ask', { question: '   ?' })).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await refusal('get_facts', { channel_id: 'C404' })).toMatchObject({ code: 'CHANNEL_NOT_FOUND' });
    expect(await refusal('get_entity', { entity_id: 'ent_404' })).toMatchObject({ code: 'ENTITY_NOT_FOUND' });
    const unknownTool: any = await client.callTool({ name: 'delete_everything', arguments: {} });
    expect(unknownTool).toMatchObject({
      isError: true,
      content: [{ text: expect.stringMatching(/delete_everything not found/) }],
    });
    expect(await refusal('get_wiki_page', { channel_id: KNOW, slug: 'no-such-page' })).toMatchObject({
      code: 'WIKI_PAGE_NOT_FOUND',
    });
  });

  it('needs the API key: a client without it, or with a wrong one, is refused before MCP answers', async () => {
    await expect(connect(null)).rejects.toThrow(/401|UNAUTHORIZED/);
    await expect(connect('wrong-key-0123456789')).rejects.toThrow(/401|UNAUTHORIZED/);
    const keyless = await atlas.api.withKey(null).post('/mcp', { jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect({ status: keyless.status, code: keyless.body.error.code }).toEqual({ status: 401, code: 'UNAUTHORIZED' });
  });

  it('answers with the security headers of the API, refuses what is not MCP in the envelope, and 405 at GET and DELETE', async () => {
    const response = await fetch(`${atlas.api.baseUrl}/mcp`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${TEST_API_KEY}`,
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'curl', version: '1' } },
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('mcp-session-id')).toBeNull();
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await response.json()).result.serverInfo).toMatchObject({ name: 'atlas-sync' });
    // What the SDK would refuse at the HTTP level is refused in the API's envelope first.
    const raw = (headers: Record<string, string>, body: string) =>
      atlas.api.request('POST', '/mcp', { raw: body, headers: { 'content-type': 'application/json', ...headers } });
    const MCP_ACCEPT = { accept: 'application/json, text/event-stream' };
    const listTools = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    for (const [what, headers, body, problem] of [
      ['no Accept', {}, listTools, /^Accept must list application\/json and text\/event-stream/],
      ['text', { ...MCP_ACCEPT, 'content-type': 'text/plain' }, listTools, /^Content-Type must be application\/json/],
      ['not JSON-RPC', MCP_ACCEPT, '{"hello":"world"}', /^The body must be a JSON-RPC 2.0 message/],
      [
        'an unknown version',
        { ...MCP_ACCEPT, 'mcp-protocol-version': '1999-01-01' },
        listTools,
        /^MCP-Protocol-Version 1999/,
      ],
    ] as const) {
      const { status, body: answer } = await raw(headers, body);
      expect({ what, status, code: answer.error.code }).toEqual({ what, status: 400, code: 'VALIDATION_ERROR' });
      expect(answer.error.message).toMatch(problem);
    }
    for (const method of ['GET', 'DELETE']) {
      const { status, body } = await atlas.api.request(method, '/mcp');
      expect({ method, status, code: body.error.code }).toEqual({ method, status: 405, code: 'METHOD_NOT_ALLOWED' });
    }
  });
});
