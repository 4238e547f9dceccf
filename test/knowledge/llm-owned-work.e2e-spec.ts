import { deriveFactStates } from '@atlas/events';
import { LlmFactExtractor } from '@atlas/knowledge';
import {
  extractionContext,
  fakeServerOptions,
  LlmFakeServer,
  OWNED_WORK,
  ownedWorkConversation,
  RUNBOOK_URL,
} from '../support/llm-fake-server';

/**
 * The LLM path gives facts the same owner and report of work done as the local extractor, so that
 * the states the read model derives close a model's action items too. Against a local
 * chat-completions server replaying a hand-written answer in the recorded format.
 */
describe('the LLM path names whose work a fact is and when it is done', () => {
  let fake: LlmFakeServer;
  beforeAll(async () => (fake = await LlmFakeServer.start()));
  afterAll(() => fake.close());
  afterEach(() => fake.reset());

  const options = () => fakeServerOptions(fake);

  it('asks for owners and reports of work done, and closes the owned action item with its owner’s report', async () => {
    fake.enqueue('owned-work-answer');
    const { result, run, rejected } = await new LlmFactExtractor(options()).extract(
      ownedWorkConversation(),
      extractionContext(),
    );

    const schema = fake.requests[0].body!.response_format!.json_schema!.schema as {
      properties: { facts: { items: { required: string[] } } };
    };
    expect(schema.properties.facts.items.required).toEqual(expect.arrayContaining(['owner', 'reports_done']));
    expect(run).toMatchObject({ extractor: 'llm', fallback_reason: null });

    expect(result.facts.map((fact) => [fact.message_id, fact.type, fact.owner, fact.reports_done])).toEqual([
      [OWNED_WORK.runbookRequest, 'action_item', 'person:U0ANA', false],
      [OWNED_WORK.runbookPosted, 'announcement', 'person:U0ANA', true],
      // Dmitri is nobody in "people": the owner the model named is left out, not invented.
      [OWNED_WORK.handover, 'observation', null, false],
    ]);
    const [request, posted, handover] = result.facts;
    expect(posted.subject).toBe(request.subject);
    expect(posted.entities.map((entity) => entity.key)).toContain(
      `artifact:document:${RUNBOOK_URL.replace('https://', '')}`,
    );
    expect(handover.entities.map((entity) => [entity.key, entity.type])).toContainEqual([
      'place:london office',
      'place',
    ]);
    // An action item whose owner nobody knows has no owner: dropped, with the name it gave.
    expect(rejected.map((fact) => [fact.message_id, fact.reason, fact.detail])).toEqual([
      [OWNED_WORK.handover, 'action_item_without_owner', 'Dmitri'],
    ]);

    const states = deriveFactStates(result.facts.map((fact) => ({ ...fact, superseded_by: null })));
    expect(states.get(request.id)).toEqual({ state: 'done', closed_by: posted.id });
  });
});
