import { LLM_EXTRACTOR_VERSION, LlmFactExtractor } from '@atlas/knowledge';
import {
  CHATTY,
  CHATTY_FACT_BEARING,
  CHATTY_REQUEST,
  chattyConversation,
  extractionContext,
  fakeServerOptions,
  LlmFakeServer,
} from '../support/llm-fake-server';

/**
 * The rules of selectivity and self-containedness, stated in the prompt and checked on the answers,
 * against a local chat-completions server replaying recorded answers for a morning of mostly chatter.
 */
describe('the LLM path keeps only facts that follow the rules', () => {
  let fake: LlmFakeServer;
  beforeAll(async () => (fake = await LlmFakeServer.start()));
  afterAll(() => fake.close());
  afterEach(() => fake.reset());

  const options = () => fakeServerOptions(fake);

  it('asks for selective, atomic, self-contained facts and keeps a selective answer whole', async () => {
    fake.enqueue('selective-answer');
    const { result, run, rejected } = await new LlmFactExtractor(options()).extract(
      chattyConversation(),
      extractionContext(),
    );

    // The chatter the local filter lets through is the model's to judge: it is sent, and the prompt says how.
    expect(fake.requests.map((request) => request.messageIds)).toEqual([CHATTY_REQUEST]);
    const prompt = fake.requests[0].body!.messages[0].content;
    expect(prompt).toContain('Be selective. A message gives a fact only when it states something a teammate');
    expect(prompt).toContain('One proposition per fact.');
    expect(prompt).toContain('A fact never contains "I", "me", "my", "you" or "your"');

    expect(run).toMatchObject({ extractor: 'llm', fallback_reason: null });
    expect(rejected).toEqual([]);
    expect(result.facts.map((fact) => [fact.message_id, fact.type, fact.text])).toEqual([
      [CHATTY.migrationDone, 'announcement', 'The billing migration to Postgres finished on 2024-03-04 with 0 errors.'],
      [CHATTY.runbookRequest, 'action_item', 'Carla Diaz asked Ana Lima to share the rollback runbook by 2024-03-07.'],
      [CHATTY.downtime, 'announcement', 'The staging cluster will be down on 2024-03-09 for the Kubernetes upgrade.'],
    ]);
    expect(result.facts.every((fact) => fact.extractor_version === LLM_EXTRACTOR_VERSION)).toBe(true);
    // The finished migration is Ana's work done; the runbook request is hers to do; the downtime is nobody's.
    expect(result.facts.map((fact) => [fact.owner, fact.reports_done])).toEqual([
      ['person:U0ANA', true],
      ['person:U0ANA', false],
      [null, false],
    ]);
    // Messages the model gave nothing are not handed to the local rules: "no fact" is an answer.
    const withFacts = new Set(result.facts.map((fact) => fact.message_id));
    expect([...withFacts]).toEqual(CHATTY_FACT_BEARING);
  });

  it('drops the facts of a careless answer that break a rule, says why, and keeps the rest of it', async () => {
    fake.enqueue('rule-breaking-answer');
    const { result, run, rejected } = await new LlmFactExtractor(options()).extract(
      chattyConversation(),
      extractionContext(),
    );

    expect(run).toMatchObject({ extractor: 'llm', fallback_reason: null });
    expect(result.facts.map((fact) => [fact.message_id, fact.index, fact.text])).toEqual([
      [CHATTY.runbookRequest, 0, 'Carla Diaz asked Ana Lima to share the rollback runbook by 2024-03-07.'],
      [CHATTY.downtime, 0, 'The staging cluster will be down on 2024-03-09 for the Kubernetes upgrade.'],
    ]);
    expect(rejected.map((fact) => [fact.message_id, fact.reason, fact.detail, fact.text])).toEqual([
      [CHATTY.greeting, 'small_talk', null, 'Carla Diaz says hey to Ana Lima.'],
      [
        CHATTY.migrationDone,
        'compound',
        null,
        'Ana Lima finished the billing migration to Postgres and the logs show 0 errors.',
      ],
      [CHATTY.praise, 'not_a_sentence', null, 'Wow, amazing work everyone!'],
      [CHATTY.runbookRequest, 'unresolved_you', 'you', 'Can you share the rollback runbook by Thursday?'],
      [
        CHATTY.runbookRequest,
        'question_as_action_item',
        null,
        'Can Ana Lima share the rollback runbook by 2024-03-07?',
      ],
      [
        CHATTY.downtime,
        'lets_decision',
        null,
        "Let's take the staging cluster down on Saturday for the Kubernetes upgrade.",
      ],
      [CHATTY.downtime, 'unresolved_reference', 'It', 'It will be down on 2024-03-09.'],
      [
        CHATTY.laughter,
        'message_not_sent',
        CHATTY.laughter,
        'Carla Diaz finds the Kubernetes upgrade plan convincing.',
      ],
    ]);
    // The laughter was never sent: the local rules judged it alone, and found nothing.
    expect(result.facts.some((fact) => fact.message_id === CHATTY.laughter)).toBe(false);
  });
});
