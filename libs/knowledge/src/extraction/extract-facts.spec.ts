import 'reflect-metadata';
import { stableId } from '@atlas/common';
import { Fact, type NormalizedMessage } from '@atlas/events';
import {
  ANA,
  BRUNO,
  CARLA,
  by,
  chatMessage,
  engChannelConversation,
  engChannelContext,
} from '../testing/chat-messages';
import { schemaViolations } from '../testing/schema';
import { EXTRACTOR_VERSION, extractFacts } from './extract-facts';

const context = engChannelContext;

describe('extractFacts', () => {
  const conversation = engChannelConversation();
  const { facts, failures, skipped } = extractFacts(conversation, context());
  const factsOf = (messageId: string) => facts.filter((fact) => fact.message_id === messageId);

  it('turns the substantive sentences of the conversation into typed facts', () => {
    expect(facts.map((fact) => [fact.message_id, fact.type])).toEqual([
      ['1709540100.000200', 'question'],
      ['1709540200.000300', 'decision'],
      ['1709540200.000300', 'answer'],
      // A request asked as a question is a question, owned by the person asked.
      ['1709540400.000500', 'question'],
      ['1709540500.000600', 'announcement'],
      ['1709540900.001000', 'question'],
      ['1709541000.001100', 'action_item'],
      ['1709541000.001100', 'observation'],
    ]);
    expect(failures).toEqual([]);
    expect(skipped).toEqual([]);
  });

  it('ignores greetings, thanks, laughter, join messages and bots', () => {
    for (const id of ['1709540000.000100', '1709540300.000400', '1709540600.000700', '1709540700.000800']) {
      expect(factsOf(id)).toEqual([]);
    }
    expect(factsOf('1709540800.000900')).toEqual([]);
  });

  it('writes self-contained texts: the author for "I", no chat markup', () => {
    expect(factsOf('1709541000.001100')[1].text).toBe(
      'Carla Diaz talked to Ana about the SLA with Acme Corp, the API gateway is the bottleneck.',
    );
    expect(factsOf('1709540400.000500')[0].text).toMatch(/^can Bruno Costa review the migration PR by Friday\?/);
  });

  it('numbers the facts of a message and derives their ids from channel, message, version and position', () => {
    const [first, second] = factsOf('1709540200.000300');
    expect([first.index, second.index]).toEqual([0, 1]);
    expect(second.id).toBe(stableId('fact', 'C0ENG', '1709540200.000300', EXTRACTOR_VERSION, 1));
    expect(EXTRACTOR_VERSION).toBe('rules-4');
    expect(second.language).toBe('en');
  });

  it('cites the source message, with the thread of a reply and of a thread parent, and keeps its text', () => {
    const [reply] = factsOf('1709540200.000300');
    const message = conversation.find((candidate) => candidate.id === '1709540200.000300')!;
    expect(reply.source).toEqual({
      text: message.text,
      message_id: '1709540200.000300',
      author_id: ANA.id,
      author_name: ANA.name,
      timestamp: '2024-03-04T08:16:40.000Z',
      thread_id: '1709540100.000200',
      permalink: 'https://acme.slack.com/archives/C0ENG/p1709540200000300',
    });
    expect(factsOf('1709540100.000200')[0].source.thread_id).toBe('1709540100.000200');
    expect(factsOf('1709540900.001000')[0].source.thread_id).toBeNull();
  });

  it('gives a decision its decision entity, the deciding author and the decision slot of what it is for', () => {
    const [decision] = factsOf('1709540200.000300');
    expect(decision.entities.find((entity) => entity.type === 'decision')).toEqual({
      key: 'decision:use postgres for billing',
      name: 'Use Postgres for billing',
      type: 'decision',
      kind: null,
    });
    expect(decision.relations).toContainEqual({
      type: 'decided',
      source: `person:${ANA.id}`,
      target: 'decision:use postgres for billing',
    });
    expect(decision.subject).toBe('decision:topic:billing');
    expect(decision.topics).toEqual(['postgres', 'billing']);
  });

  it('produces facts that satisfy the event model', () => {
    for (const fact of facts) expect(schemaViolations(Fact, fact)).toEqual([]);
  });

  it('is deterministic: the same batch twice gives deep-equal results', () => {
    expect(extractFacts(engChannelConversation(), context())).toEqual({ facts, failures, skipped });
  });

  it('extracts a message delivered twice in one batch once, from its latest version', () => {
    const original = chatMessage({ id: '1709549999.000100', text: 'We will use Terraform for the new VPC.' });
    const edited = {
      ...original,
      edited: true,
      edited_at: '2024-03-04T15:00:00.000Z',
      text: 'We will use Pulumi for the new VPC.',
    };
    const result = extractFacts([original, edited], context());
    expect(result.facts.map((fact) => [fact.text, fact.valid_at])).toEqual([
      ['We will use Pulumi for the new VPC.', '2024-03-04T15:00:00.000Z'],
    ]);
  });

  it('records a message that cannot be extracted as failing and still extracts the rest of the batch', () => {
    const corrupt = chatMessage({ id: '1709549999.000200', text: 'binary\u0000garbage pasted into chat' });
    const foreign = chatMessage({ id: '1709549999.000400', channel_id: 'C0OTHER', text: 'We decided to move.' });
    const result = extractFacts([conversation[2], corrupt, foreign], context());
    expect(result.failures).toEqual([
      { message_id: corrupt.id, reason: 'text contains a NUL character' },
      { message_id: foreign.id, reason: expect.stringContaining('C0OTHER') },
    ]);
    expect(result.facts.map((fact) => fact.message_id)).toEqual([conversation[2].id, conversation[2].id]);
  });

  it('gives a deleted message and a bot message no facts', () => {
    const deleted = chatMessage({ id: '1', deleted: true, text: '' });
    const bot = chatMessage({ id: '2', is_bot: true, text: 'Heads up: the nightly backup of billing finished.' });
    expect(extractFacts([deleted, bot], context()).facts).toEqual([]);
  });

  it('skips messages in a language it cannot read, counting them', () => {
    const german = chatMessage({
      id: '1',
      text: 'Wir haben entschieden, Postgres für die Abrechnung zu verwenden, und das Team ist zufrieden.',
    });
    const english = chatMessage({
      id: '2',
      text: 'We decided to use Postgres for billing, the team is happy with it.',
    });
    const result = extractFacts([german, english], context());
    expect(result.skipped).toEqual([{ message_id: '1', language: 'de' }]);
    expect(result.facts.map((fact) => fact.message_id)).toEqual(['2']);
  });

  it('types a reply answering a question of someone else as an answer, and a reply by the asker not', () => {
    const question = chatMessage({ id: '1', ...by(BRUNO), reply_count: 2, text: 'Which region does billing run in?' });
    const answer = chatMessage({ id: '2', thread_parent_id: '1', text: 'It runs in eu-west-1 on Kafka.' });
    const followUp = chatMessage({
      id: '3',
      thread_parent_id: '1',
      ...by(BRUNO),
      text: 'The latency from eu-west-1 is fine.',
    });
    const result = extractFacts([answer, followUp], context([question]));
    expect(result.facts.map((fact) => [fact.message_id, fact.type])).toEqual([
      ['2', 'answer'],
      ['3', 'observation'],
    ]);
    // "It" alone points at the question: the answer carries it.
    expect(result.facts[0].text).toBe(
      'Answer to Bruno Costa\'s question "Which region does billing run in?": It runs in eu-west-1 on Kafka.',
    );
    expect(result.facts[0].relations).toContainEqual({
      type: 'answered',
      source: `person:${ANA.id}`,
      target: 'technology:kafka',
    });
  });

  it('types hedged judgements as opinions', () => {
    const message = chatMessage({ id: '1', text: 'I think Kafka is overkill for the audit log.' });
    const [fact] = extractFacts([message], context()).facts;
    expect([fact.type, fact.text]).toEqual(['opinion', 'Ana Lima thinks Kafka is overkill for the audit log.']);
  });

  it('sets the deadline slot and due date of what a dated statement is about', () => {
    const message = chatMessage({
      id: '1',
      timestamp: '2025-03-05T10:00:00.000Z',
      text: 'The Project Atlas cutover moves to next Tuesday.',
    });
    const [fact] = extractFacts([message], context()).facts;
    expect([fact.type, fact.subject, fact.due_at]).toEqual(['decision', 'deadline:project:atlas', '2025-03-11']);
  });

  it('sets the owner slot of what someone is said to own', () => {
    const message = chatMessage({
      id: '1',
      text: 'Carla is responsible for https://github.com/acme/billing from now on.',
    });
    const [fact] = extractFacts([message], context()).facts;
    expect(fact.subject).toBe('owner:artifact:repo:github.com/acme/billing');
    expect(fact.relations).toContainEqual({
      type: 'owns',
      source: `person:${CARLA.id}`,
      target: 'artifact:repo:github.com/acme/billing',
    });
  });

  it('gives a request asked of someone a task slot and its owner, and the owner reporting it done the same slot', () => {
    const request = chatMessage({
      id: '1',
      reply_count: 1,
      mentions: [{ id: BRUNO.id, name: 'bruno' }],
      timestamp: '2025-03-05T10:00:00.000Z',
      text: '@bruno can you rotate the staging keys by Friday?',
    });
    const done = chatMessage({
      id: '2',
      thread_parent_id: '1',
      ...by(BRUNO),
      timestamp: '2025-03-06T10:00:00.000Z',
      text: 'done ✅',
    });
    const [task, completion] = extractFacts([request, done], context()).facts;
    // Asked, so a question (never an action item), owned by the person asked.
    expect([task.type, task.subject, task.due_at, task.owner]).toEqual([
      'question',
      `task:1:person:${BRUNO.id}`,
      '2025-03-07',
      `person:${BRUNO.id}`,
    ]);
    expect([completion.type, completion.subject, completion.text, completion.reports_done]).toEqual([
      'action_item',
      `task:1:person:${BRUNO.id}`,
      'Bruno Costa: done',
      true,
    ]);
  });

  it('knows a task assigned in a thread parent outside the batch', () => {
    const request = chatMessage({ id: '1', text: "I'll write the rollback runbook." });
    const done = chatMessage({ id: '2', thread_parent_id: '1', text: 'updated' });
    const [completion] = extractFacts([done], context([request])).facts;
    expect(completion.subject).toBe(`task:1:person:${ANA.id}`);
  });

  describe('assigns a request in a thread reply that names nobody to the author of the message it replies to', () => {
    const root = chatMessage({
      id: '1',
      ...by(CARLA),
      text: 'The nightly export job keeps timing out on the shared runners.',
    });
    const taskOf = (reply: { text: string; author: { id: string; name: string } }, parents: NormalizedMessage[]) => {
      const message = chatMessage({ id: '2', thread_parent_id: '1', ...by(reply.author), text: reply.text });
      const batch = parents.length === 0 ? [root, message] : [message];
      return extractFacts(batch, context(parents)).facts.find((fact) => fact.message_id === '2');
    };

    it.each([
      'Could you pin the export to the dedicated runner pool instead?',
      'Please split the export into daily chunks.',
      'Can you bump the timeout to twenty minutes for now?',
    ])('%s', (text) => {
      const fact = taskOf({ text, author: BRUNO }, []);
      expect([fact?.type, fact?.subject, fact?.owner]).toEqual([
        text.endsWith('?') ? 'question' : 'action_item',
        `task:1:person:${CARLA.id}`,
        `person:${CARLA.id}`,
      ]);
    });

    it('finds the replied-to author among the thread parents outside the batch', () => {
      const fact = taskOf({ text: 'Would you add retries around the upload step?', author: ANA }, [root]);
      expect(fact?.subject).toBe(`task:1:person:${CARLA.id}`);
    });

    it('leaves a request that names someone else to that person, and one in the own thread unassigned', () => {
      const named = taskOf({ text: '@bruno can you check the runner logs?', author: ANA }, []);
      expect(named?.subject).not.toBe(`task:1:person:${CARLA.id}`);
      const own = taskOf({ text: 'Can you all ignore the alerts until then?', author: CARLA }, []);
      expect(own?.subject ?? null).toBeNull();
    });
  });

  describe('gives a later statement on the same thing the same slot, so it supersedes the first', () => {
    const pair = (first: string, second: string) =>
      extractFacts(
        [
          chatMessage({ id: '1', timestamp: '2026-03-02T09:00:00.000Z', text: first }),
          chatMessage({ id: '2', timestamp: '2026-03-04T11:00:00.000Z', text: second }),
        ],
        context(),
      ).facts;
    const thingsOf = (fact: Fact) => fact.entities.filter((entity) => entity.type !== 'person').map((e) => e.key);

    it('keeps the version in the name of a project whose deadline moves, and calls a heads-up an announcement', () => {
      const [due, moved] = pair(
        'The Atlas v2 launch is due on March 20.',
        'Heads-up: the Atlas v2 launch moves to March 27.',
      );
      expect([due.subject, due.due_at]).toEqual(['deadline:project:atlas v2', '2026-03-20']);
      expect([moved.subject, moved.due_at]).toEqual(['deadline:project:atlas v2', '2026-03-27']);
      expect(thingsOf(due)).toEqual(['project:atlas v2']);
      expect(thingsOf(moved)).toEqual(['project:atlas v2']);
      expect(moved.type).toBe('announcement');
    });

    it('leaves the deadline of a project alone when a request names it with its own date', () => {
      // Demo #product: estimates asked for by Monday do not move the launch date.
      const [launch, request] = pair(
        'The Atlas v2 launch is due on March 20.',
        'Please add estimates to the Atlas v2 tickets by Monday.',
      );
      expect(launch.subject).toBe('deadline:project:atlas v2');
      expect(request.subject).not.toBe('deadline:project:atlas v2');
    });

    it('takes the thing a date is set for from the opening of the sentence', () => {
      const [due, moved] = pair('The beta is due on April 4.', 'Beta moves to April 11.');
      expect([due.subject, due.due_at]).toEqual(['deadline:topic:beta', '2026-04-04']);
      expect([moved.subject, moved.due_at]).toEqual(['deadline:topic:beta', '2026-04-11']);
    });

    it('gives an owner that changes the owner slot of what is owned', () => {
      const [first, second] = pair('Carla owns the billing service.', 'Bruno owns the billing service now.');
      expect(first.subject).toBe('owner:topic:billing service');
      expect(second.subject).toBe('owner:topic:billing service');
      expect(second.relations).toContainEqual({
        type: 'owns',
        source: `person:${BRUNO.id}`,
        target: 'topic:billing service',
      });
    });
  });

  it('lets a decision that points at its thread decide on what opened it, and keeps whom a task is said to', () => {
    // Demo #engineering: the code review norms, proposed and then decided in their thread
    const proposal = chatMessage({
      id: '1',
      ...by(ANA),
      reply_count: 1,
      text: 'Proposal for code review norms: PRs under 400 lines, one approval needed, two for migrations and auth code.',
    });
    const decided = chatMessage({
      id: '2',
      ...by(ANA),
      thread_parent_id: '1',
      mentions: [BRUNO],
      text: `Decided: we adopt these norms starting Monday. <@${BRUNO.id}> please add the PR template to both repos.`,
    });
    const facts = extractFacts([proposal, decided], context()).facts.filter((fact) => fact.message_id === '2');
    expect(facts.map((fact) => [fact.type, fact.text])).toEqual([
      [
        'decision',
        'On Ana Lima\'s "Proposal for code review norms: PRs under 400 lines, one approval needed, two for migrations and auth code.": Decided: we adopt these norms starting Monday.',
      ],
      ['action_item', 'Bruno Costa, please add the PR template to both repos.'],
    ]);
  });
});
