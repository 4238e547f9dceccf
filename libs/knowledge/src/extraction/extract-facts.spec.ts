import 'reflect-metadata';
import { stableId } from '@atlas/common';
import { Fact } from '@atlas/events';
import { ANA, BRUNO, CHANNEL, chatMessage, engChannelConversation } from '../testing/chat-messages';
import { schemaViolations } from '../testing/schema';
import { EXTRACTOR_VERSION, extractFacts } from './extract-facts';

describe('extractFacts', () => {
  const conversation = engChannelConversation();
  const { facts, failures } = extractFacts(conversation, CHANNEL);
  const factsOf = (messageId: string) => facts.filter((fact) => fact.message_id === messageId);

  it('turns the substantive sentences of the conversation into typed facts', () => {
    expect(facts.map((fact) => [fact.text, fact.type])).toEqual([
      ['Should we move the billing service to Postgres or keep it on MongoDB?', 'question'],
      ['We decided to go with Postgres for billing.', 'decision'],
      ['The Redis cache stays for sessions.', 'observation'],
      [
        '@Bruno Costa can you review the migration PR by Friday? https://github.com/acme/billing/pull/42?utm_source=slack',
        'action_item',
      ],
      [
        'Heads up: the new Grafana dashboards are now live in #ops-alerts. See https://grafana.acme.io/d/billing/',
        'announcement',
      ],
      ['Who owns the on-call rotation for the AWS accounts?', 'question'],
      ['TODO: rotate the k8s secrets before the audit.', 'action_item'],
      ['I talked to Ana about the SLA with Acme Corp, the API gateway is the bottleneck.', 'observation'],
    ]);
    expect(failures).toEqual([]);
  });

  it('ignores greetings, thanks, laughter, join messages and bots', () => {
    for (const id of [
      '1709540000.000100',
      '1709540300.000400',
      '1709540600.000700',
      '1709540700.000800',
      '1709540800.000900',
    ]) {
      expect(factsOf(id)).toEqual([]);
    }
  });

  it('numbers the facts of a message and derives their ids from channel, message, version and position', () => {
    const [first, second] = factsOf('1709540200.000300');
    expect([first.index, second.index]).toEqual([0, 1]);
    expect(second.id).toBe(stableId('fact', CHANNEL.channel_id, '1709540200.000300', EXTRACTOR_VERSION, 1));
    expect(second.extractor_version).toBe(EXTRACTOR_VERSION);
    expect(second.channel_id).toBe(CHANNEL.channel_id);
  });

  it('cites the source message, with the thread of a reply and of a thread parent', () => {
    const [reply] = factsOf('1709540200.000300');
    expect(reply.source).toEqual({
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

  it('names the entities of each fact', () => {
    expect(factsOf('1709540400.000500')[0].entities.map((entity) => entity.key)).toEqual([
      `person:${ANA.id}`,
      `person:${BRUNO.id}`,
      'link:github.com/acme/billing/pull/42',
    ]);
    expect(factsOf('1709541000.001100')[1].entities.map((entity) => entity.key)).toEqual([
      'person:U0CARLA',
      `person:${ANA.id}`,
      'topic:sla',
      'topic:acme corp',
      'topic:api',
    ]);
  });

  it('produces facts that satisfy the event model', () => {
    for (const fact of facts) expect(schemaViolations(Fact, fact)).toEqual([]);
  });

  it('is deterministic: the same batch twice gives deep-equal results', () => {
    expect(extractFacts(engChannelConversation(), CHANNEL)).toEqual({ facts, failures });
  });

  it('gives a message processed again, alone, the same facts and ids', () => {
    const message = conversation[4];
    expect(extractFacts([message], CHANNEL).facts).toEqual(factsOf(message.id));
  });

  it('extracts a message delivered twice in one batch once, from its latest version', () => {
    const original = chatMessage({ id: '1709549999.000100', text: 'We will use Terraform for the new VPC.' });
    const edited = { ...original, edited: true, text: 'We will use Pulumi for the new VPC.' };
    const result = extractFacts([original, edited], CHANNEL);
    expect(result.facts.map((fact) => fact.text)).toEqual(['We will use Pulumi for the new VPC.']);
  });

  it('records a message that cannot be extracted as failing and still extracts the rest of the batch', () => {
    const corrupt = chatMessage({ id: '1709549999.000200', text: 'binary\u0000garbage pasted into chat' });
    const huge = chatMessage({ id: '1709549999.000300', text: 'word '.repeat(8_001) });
    const foreign = chatMessage({
      id: '1709549999.000400',
      channel_id: 'C0OTHER',
      text: 'We decided to move the office.',
    });
    const result = extractFacts([conversation[2], corrupt, huge, foreign, conversation[5]], CHANNEL);
    expect(result.failures).toEqual([
      { message_id: corrupt.id, reason: 'text contains a NUL character' },
      { message_id: huge.id, reason: expect.stringContaining('40000') },
      { message_id: foreign.id, reason: expect.stringContaining('C0OTHER') },
    ]);
    expect(result.facts.map((fact) => fact.message_id)).toEqual([
      conversation[2].id,
      conversation[2].id,
      conversation[5].id,
    ]);
  });

  it('ignores a bot even when the platform gives its message no subtype', () => {
    const bot = chatMessage({
      id: '1709549999.000600',
      is_bot: true,
      text: 'Heads up: the nightly backup of billing finished.',
    });
    expect(extractFacts([bot], CHANNEL).facts).toEqual([]);
  });

  it('keeps the human subtypes that carry content', () => {
    const broadcast = chatMessage({
      id: '1709549999.000500',
      subtype: 'thread_broadcast',
      text: 'Heads up: billing is on Postgres now.',
    });
    expect(extractFacts([broadcast], CHANNEL).facts).toHaveLength(1);
  });
});
