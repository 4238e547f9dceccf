import { createEvent, decodeEvent, encodeEvent } from '.';

const meta = { event_id: 'e1', schema_version: 1, occurred_at: '2026-03-02T09:00:00.000Z', producer: 'extractor' };
const decode = (type: string, data: object) =>
  decodeEvent(Buffer.from(JSON.stringify({ type, data, metadata: meta }))).data as any;

const source = {
  message_id: 'm1',
  author_id: 'U1',
  author_name: 'Ana',
  timestamp: '2026-03-02T09:00:00.000Z',
  thread_id: null,
  permalink: null,
};

/** Events the first knowledge stages wrote (extractor rules-1), exactly as they are in such a log. */
const RULES_1_FACTS = {
  job_id: 'sync_1',
  channel_id: 'C1',
  batch: 1,
  extractor_version: 'rules-1',
  message_ids: ['m1'],
  facts: [
    {
      id: 'fact_1',
      channel_id: 'C1',
      message_id: 'm1',
      extractor_version: 'rules-1',
      index: 0,
      text: 'Alerts now go to #ops, see https://grafana.acme.io/d/1',
      type: 'announcement',
      confidence: 0.8,
      entities: [
        { key: 'person:U1', name: 'Ana', type: 'person' },
        { key: 'channel:ops', name: '#ops', type: 'channel' },
        { key: 'link:grafana.acme.io/d/1', name: 'grafana.acme.io/d/1', type: 'link' },
      ],
      source,
    },
  ],
  failures: [],
};

describe('knowledge events written by earlier versions', () => {
  it('reads a rules-1 FactsExtracted with the defaults its facts implied', () => {
    const data = decode('FactsExtracted', RULES_1_FACTS);
    expect(data.skipped).toEqual([]);
    expect(data.run).toEqual({ extractor: 'rules', fallback_reason: null, prompt_tokens: 0, completion_tokens: 0 });
    expect(data.facts[0]).toMatchObject({
      relations: [],
      topics: [],
      subject: null,
      valid_at: source.timestamp,
      due_at: null,
      language: 'en',
      text: RULES_1_FACTS.facts[0].text,
    });
    // The message text beside the fact was not kept then: null, not a guess.
    expect(data.facts[0].source).toEqual({ ...source, text: null });
    expect(data.facts[0].entities.map((e: any) => [e.key, e.type, e.kind])).toEqual([
      ['person:U1', 'person', null],
      ['channel:ops', 'topic', null],
      ['link:grafana.acme.io/d/1', 'artifact', 'link'],
    ]);
  });

  it('reads facts from before owners: a task subject names the owner, nothing reports work done', () => {
    // Given a rules-2 fact on a task, written before facts named their owner
    const task = {
      ...RULES_1_FACTS.facts[0],
      type: 'action_item',
      subject: 'task:1741691395.794:person:U04K7R8B3BN',
      relations: [],
      topics: [],
      valid_at: source.timestamp,
      due_at: null,
      language: 'en',
    };
    const other = { ...task, id: 'fact_2', type: 'observation', subject: 'deadline:project:atlas' };
    // When read today
    const data = decode('FactsExtracted', { ...RULES_1_FACTS, facts: [task, other] });
    // Then the owner comes from the subject, and no fact reports work done
    expect(data.facts.map((fact: any) => [fact.owner, fact.reports_done])).toEqual([
      ['person:U04K7R8B3BN', false],
      [null, false],
    ]);
  });

  it('keeps the owner a fact of today states', () => {
    const today = { ...RULES_1_FACTS.facts[0], owner: 'person:U1', reports_done: true, subject: null };
    const [fact] = decode('FactsExtracted', { ...RULES_1_FACTS, facts: [today] }).facts;
    expect([fact.owner, fact.reports_done]).toEqual(['person:U1', true]);
  });

  it('reads an old GraphUpdated: entities get their own key, co-occurrences are dropped', () => {
    const data = decode('GraphUpdated', {
      job_id: 'sync_1',
      channel_id: 'C1',
      batch: 1,
      entities: [
        { id: 'ent_1', key: 'link:x.io', name: 'x.io', type: 'link', aliases: [], channel_id: 'C1', fact_ids: ['f'] },
      ],
      relations: [
        { id: 'rel_1', type: 'mentions', source_id: 'a', target_id: 'b', channel_id: 'C1', fact_ids: ['f'] },
        { id: 'rel_2', type: 'co_occurs_with', source_id: 'b', target_id: 'c', channel_id: 'C1', fact_ids: ['f'] },
      ],
    });
    expect(data.entities[0]).toMatchObject({ type: 'artifact', kind: 'link', keys: ['link:x.io'] });
    expect(data.relations.map((r: any) => r.id)).toEqual(['rel_1']);
  });

  it('reads old wiki events with their content hash standing for the inputs hash', () => {
    const page = {
      channel_id: 'C1',
      slug: 'overview',
      title: 'Overview',
      markdown: '# Overview\n',
      citations: [],
      content_hash: 'h1',
      template_version: 'wiki-1',
    };
    expect(decode('WikiPageGenerated', { job_id: 'sync_1', channel_id: 'C1', page }).page.inputs_hash).toBe('h1');
    const summary = { slug: 'overview', title: 'Overview', content_hash: 'h1', changed: true };
    expect(decode('WikiGenerated', { job_id: 'sync_1', channel_id: 'C1', pages: [summary] }).pages[0]).toMatchObject({
      inputs_hash: 'h1',
    });
  });

  it('reads an old ExtractionCompleted as a local run that skipped nothing', () => {
    const data = decode('ExtractionCompleted', {
      job_id: 'sync_1',
      channel_id: 'C1',
      batches: 1,
      facts: 3,
      failing_messages: 0,
      first_failing_message_id: null,
    });
    expect(data).toMatchObject({
      skipped_messages: 0,
      llm_prompt_tokens: 0,
      llm_completion_tokens: 0,
      llm_fallback_batches: 0,
    });
  });

  it('changes nothing in an event of today', () => {
    const today = createEvent(
      'ExtractionCompleted',
      {
        job_id: 'sync_1',
        channel_id: 'C1',
        batches: 1,
        facts: 3,
        failing_messages: 0,
        first_failing_message_id: null,
        skipped_messages: 2,
        llm_prompt_tokens: 10,
        llm_completion_tokens: 5,
        llm_fallback_batches: 1,
      },
      { producer: 'extractor' },
    );
    const decoded = decodeEvent(encodeEvent(today).payload);
    expect(JSON.parse(JSON.stringify(decoded.data))).toEqual(today.data);
  });

  it('still refuses an old event that was invalid then', () => {
    const broken = { ...RULES_1_FACTS, facts: [{ ...RULES_1_FACTS.facts[0], type: 'rumour' }] };
    expect(() => decode('FactsExtracted', broken)).toThrow(/FactsExtracted is invalid/);
  });
});
