import 'reflect-metadata';
import type { Fact, NormalizedMessage } from '@atlas/events';
import { ANA, BRUNO, CARLA, by, chatMessage, engChannelContext } from '../testing/chat-messages';
import { extractFacts } from './extract-facts';

const context = engChannelContext();

/** A thread: its root, then each reply a minute later. */
function thread(...said: Array<[{ id: string; name: string }, string]>): NormalizedMessage[] {
  return said.map(([author, text], i) =>
    chatMessage({
      id: `17415000${i}0.000100`,
      ...by(author),
      text,
      timestamp: new Date(Date.UTC(2025, 2, 3, 9, i)).toISOString(),
      thread_parent_id: i === 0 ? null : '1741500000.000100',
      reply_count: i === 0 ? said.length - 1 : 0,
    }),
  );
}

const decisionsOf = (facts: Fact[]) => facts.filter((fact) => fact.type === 'decision');

describe('decisions need a decision act', () => {
  it('makes the agreeing reply to a proposal the decision, saying what was agreed and citing the agreement', () => {
    // Given a proposal in a thread and someone else's bare agreement
    const messages = thread(
      [CARLA, 'Proposal: Scheduled Reports in April, discovery for offline mode in April, build in May and June.'],
      [ANA, 'Works for me.'],
    );
    // When extracted
    const { facts } = extractFacts(messages, context);
    // Then the agreement yields the decision, and the proposal stays a proposal
    const [decision] = decisionsOf(facts);
    expect(decisionsOf(facts)).toHaveLength(1);
    expect(decision.message_id).toBe(messages[1].id);
    expect(decision.text).toBe(
      'Carla Diaz and Ana Lima agreed: Scheduled Reports in April, discovery for offline mode in April, build in May and June.',
    );
    expect(decision.entities.filter((entity) => entity.type === 'decision')).toHaveLength(1);
    expect(decision.relations).toContainEqual(expect.objectContaining({ type: 'decided', source: `person:${ANA.id}` }));
    expect(facts.find((fact) => fact.message_id === messages[0].id)?.type).toBe('opinion');
  });

  it('makes a "let\'s go with" reply that settles a discussion a decision', () => {
    // Given a proposal and a reply adopting it
    const messages = thread(
      [
        BRUNO,
        "I'll take the Postgres upgrade. Proposal: logical replication to a new 16 cluster, then cut over on Sunday at 06:00 UTC.",
      ],
      [ANA, "OK, let's go with logical replication and the Sunday 06:00 UTC window."],
    );
    // When extracted
    const { facts } = extractFacts(messages, context);
    // Then the reply is the decision, in its own words
    expect(decisionsOf(facts).map((fact) => [fact.message_id, fact.text])).toEqual([
      [messages[1].id, "let's go with logical replication and the Sunday 06:00 UTC window."],
    ]);
  });

  it.each([
    ["Let's rock it!"],
    ["Let's use Postgres for the billing service."],
    ["Let's go with the managed Kafka offering, thoughts?"],
  ])('never makes a decision or a decision entity of %j said alone', (text) => {
    const { facts } = extractFacts([chatMessage({ id: '1741500000.000100', text })], context);
    expect(decisionsOf(facts)).toEqual([]);
    expect(facts.flatMap((fact) => fact.entities).filter((entity) => entity.type === 'decision')).toEqual([]);
  });

  it('adds no decision for an agreement that asks something back, or that agrees with a decision already taken', () => {
    // Given an agreement still asking, and an agreement to an explicit decision
    const asking = thread(
      [BRUNO, 'Proposal: cut over to Postgres 16 on Sunday 16th at 06:00 UTC.'],
      [ANA, "Sounds good. What's the rollback plan?"],
    );
    const decided = thread(
      [CARLA, "Decision: let's go with usage-based pricing with a small monthly base fee."],
      [ANA, ':+1: agreed. I will tell the board.'],
    );
    // Then only the explicit decision is one
    expect(decisionsOf(extractFacts(asking, context).facts)).toEqual([]);
    expect(decisionsOf(extractFacts(decided, context).facts).map((fact) => fact.message_id)).toEqual([decided[0].id]);
  });

  it('hears an agreement addressed to the proposer in chat without threads', () => {
    // Given a proposal and, shortly after, a reply naming its author first
    const proposal = chatMessage({
      id: '1741500000.000100',
      ...by(BRUNO),
      text: 'we could move the nightly export to the worker pool',
      timestamp: '2025-03-03T09:00:00.000Z',
    });
    const agreement = chatMessage({
      id: '1741500060.000100',
      ...by(ANA),
      text: 'bruno: +1, ship it',
      timestamp: '2025-03-03T09:01:00.000Z',
    });
    // Then the addressed agreement decides the proposal
    const [decision] = decisionsOf(extractFacts([proposal, agreement], context).facts);
    expect(decision.message_id).toBe(agreement.id);
    expect(decision.text).toBe('Bruno Costa and Ana Lima agreed: Move the nightly export to the worker pool.');
  });

  it('gives a change of plan in the thread the subject of the decision it changes', () => {
    // Given a decision in a thread, and a later reply changing it
    const messages = thread(
      [ANA, 'Which database for the billing service?'],
      [BRUNO, 'We decided to use Postgres for billing.'],
      [BRUNO, "Actually let's use MySQL instead, the ops team already runs it."],
    );
    // When extracted
    const [first, changed] = decisionsOf(extractFacts(messages, context).facts);
    // Then both are decisions on one subject: the read model supersedes the first with the second
    expect(changed.message_id).toBe(messages[2].id);
    expect(changed.subject).not.toBeNull();
    expect(changed.subject).toBe(first.subject);
  });
});
