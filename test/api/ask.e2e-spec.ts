import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AtlasHarness, startAtlas, waitForJob } from '../support/atlas-harness';
import { LlmFakeServer } from '../support/llm-fake-server';

jest.setTimeout(60_000);

const MAPPING = { id: 'id', author: 'author', text: 'text', timestamp: 'timestamp' };

/** A morning of a team channel: a decision, a date, a question answered by name, chatter. */
const CHAT = [
  ['m1', 'Ana Lima', 'We decided to move the billing database to Postgres 16.', '2026-03-02T09:00:00Z'],
  ['m2', 'Bruno Costa', 'The Postgres cutover is scheduled for March 21.', '2026-03-02T09:05:00Z'],
  ['m3', 'Carla Reis', 'What monitoring do we use for the billing service?', '2026-03-02T09:10:00Z'],
  ['m4', 'Bruno Costa', 'Carla Reis: Grafana dashboards with Prometheus alerts.', '2026-03-02T09:12:00Z'],
  ['m5', 'Ana Lima', 'Lunch at noon anyone?', '2026-03-02T09:20:00Z'],
  [
    'm6',
    'Carla Reis',
    'The staging cluster will be down on Saturday for the Kubernetes upgrade.',
    '2026-03-02T09:30:00Z',
  ],
];

/** The model's requests for a cited answer (the extractor's ask for facts: `atlas_facts`). */
const isAskRequest = (request: { body: { response_format?: { json_schema?: { name: string } } } | null }) =>
  request.body?.response_format?.json_schema?.name === 'atlas_cited_answer';

/**
 * POST /api/ask on a synced channel, with the LLM on: the extractor's requests get an answer it cannot use (so the
 * local rules extract, as without a model), and the answers' prose is replayed from recordings.
 */
describe('POST /api/ask', () => {
  let llm: LlmFakeServer;
  let atlas: AtlasHarness;
  let channelId: string;

  beforeAll(async () => {
    llm = await LlmFakeServer.start();
    atlas = await startAtlas({
      env: { ATLAS_LLM_BASE_URL: llm.baseUrl, ATLAS_LLM_MODEL: 'recorded-model', ATLAS_LLM_API_KEY: 'sk-test-ask' },
    });
    const rows = CHAT.map(([id, author, text, timestamp]) => JSON.stringify({ id, author, text, timestamp }));
    mkdirSync(join(atlas.importDir, 'ask'), { recursive: true });
    writeFileSync(join(atlas.importDir, 'ask', 'chat.jsonl'), `${rows.join('\n')}\n`);
    llm.when((request) => !isAskRequest(request), 'malformed-answer');
    const created = await atlas.api.post('/api/connections', {
      name: 'Team chat',
      platform: 'generic_import',
      config: { path: 'ask/chat.jsonl', mapping: JSON.stringify(MAPPING), channel_name: 'eng-billing' },
    });
    expect(created.status).toBe(201);
    channelId = created.body.channels[0].channel_id;
    const { body } = await atlas.api.post('/api/sync', { channel_id: channelId });
    const job = await waitForJob(atlas.api, channelId, body.job_id, ['completed', 'failed'], 30_000);
    expect(job.status).toBe('completed');
  });

  afterAll(async () => {
    await atlas?.close();
    await llm?.close();
  });

  beforeEach(() => {
    llm.requests.length = 0;
  });

  const ask = (body: object) => atlas.api.post('/api/ask', body);
  const askRequests = () => llm.requests.filter(isAskRequest);
  const facts = (answer: any) => answer.groups.flatMap((group: any) => group.facts);

  it('answers with cited current facts, grouped by entity, and prose whose every sentence cites them', async () => {
    llm.enqueue('ask-supported-answer');
    const { status, body } = await ask({ question: 'When is the Postgres cutover?', channel_ids: [channelId] });
    expect(status).toBe(200);
    expect(body).toMatchObject({ question: 'When is the Postgres cutover?', answered: true, note: null });
    expect(body.terms).toEqual(['postgr', 'cutov']);
    expect(body.channel_ids).toEqual([channelId]);
    const cited = facts(body).sort((a: any, b: any) => a.n - b.n);
    expect(cited.map((fact: any) => [fact.n, fact.citation.message_id])).toEqual([
      [1, 'm2'],
      [2, 'm1'],
    ]);
    expect(cited[0]).toMatchObject({
      text: expect.stringMatching(/cutover/),
      citation: { channel_id: channelId, author_name: 'Bruno Costa', timestamp: '2026-03-02T09:05:00.000Z' },
      replies: [],
    });
    expect(body.groups.every((group: any) => group.entity === null || typeof group.entity.name === 'string')).toBe(
      true,
    );
    expect(body.prose).toEqual({
      sentences: [
        { text: 'The Postgres cutover is scheduled for March 21 [1].', citations: [1] },
        { text: 'The team decided to move the billing database to Postgres 16 [2].', citations: [2] },
      ],
      dropped: 0,
    });
    // The model saw the question and the numbered facts only.
    const [request] = askRequests();
    const user = JSON.parse(request.body!.messages.find((message) => message.role === 'user')!.content);
    expect(user.question).toBe('When is the Postgres cutover?');
    expect(user.facts.map((fact: any) => [fact.n, fact.text])).toEqual(cited.map((fact: any) => [fact.n, fact.text]));
  });

  it('drops the sentences of the prose that cite nothing or a fact it was not given', async () => {
    llm.enqueue('ask-unsupported-answer');
    const { body } = await ask({ question: 'When is the Postgres cutover?' });
    expect(body.answered).toBe(true);
    expect(body.prose).toEqual({
      sentences: [{ text: 'The Postgres cutover is scheduled for March 21 [1].', citations: [1] }],
      dropped: 2,
    });
  });

  it('falls back to the facts alone, saying so, when the model answers something else than the JSON asked', async () => {
    llm.enqueue('ask-malformed-answer');
    const { body } = await ask({ question: 'When is the Postgres cutover?' });
    expect(body.answered).toBe(true);
    expect(body.prose).toBeNull();
    expect(body.note).toMatch(/model's answer could not be used.*not JSON/);
    expect(facts(body).length).toBeGreaterThan(0);
  });

  it('cites the replies to a question it finds', async () => {
    llm.enqueue('ask-malformed-answer');
    const { body } = await ask({ question: 'Which monitoring do we use?' });
    const question = facts(body).find((fact: any) => fact.citation.message_id === 'm3');
    expect(question?.replies).toEqual([
      expect.objectContaining({ message_id: 'm4', author_name: 'Bruno Costa', text: expect.stringMatching(/Grafana/) }),
    ]);
  });

  it('says no answer was found when nothing supports one, without asking the model', async () => {
    const { status, body } = await ask({ question: 'Who won the football game yesterday?' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ answered: false, groups: [], wiki_sections: [], prose: null });
    expect(body.note).toMatch(/^No answer found/);
    const onlyQuestionWords = await ask({ question: 'What is it? Who did that?' });
    expect(onlyQuestionWords.body).toMatchObject({ answered: false, terms: [] });
    expect(askRequests()).toHaveLength(0);
  });

  it('refuses bad input with the error envelope', async () => {
    for (const body of [
      {},
      { question: '' },
      { question: '???' },
      { question: 'x'.repeat(501) },
      { question: 'ok', channel_ids: [] },
      { question: 'ok', channel_ids: 'C1' },
    ]) {
      const answer = await ask(body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_ERROR');
    }
    const unknown = await ask({ question: 'cutover', channel_ids: [channelId, 'C_NOPE'] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'CHANNEL_NOT_FOUND', details: { channel_id: 'C_NOPE' } });
  });
});
