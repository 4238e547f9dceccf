import 'reflect-metadata';
import type { NormalizedMessage } from '@atlas/events';
import { AnswerRejected, factsOfAnswer } from './answer-facts';
import { LlmAnswer, readAnswer } from './answer-model';
import { LLM_CHANNEL, llmTestMessage } from '../testing/llm-channel';
import { PeopleOfBatch } from './people-of-batch';

const reply = llmTestMessage({
  id: '1709540200.000200',
  thread_parent_id: '1709540100.000100',
  text: "Done, I've merged it",
  mentions: [{ id: 'U0CARLA', name: 'Carla Diaz' }],
});

function answerWith(...facts: object[]): LlmAnswer {
  const base = {
    text: 'Ana Lima merged the billing pull request.',
    type: 'observation',
    confidence: 0.8,
    relations: [],
    topics: [],
    subject: null,
    due_at: null,
  };
  const answer = readAnswer({ facts: facts.map((fact) => ({ ...base, message_id: reply.id, entities: [], ...fact })) });
  if (typeof answer === 'string') throw new Error(answer);
  return answer;
}

function person(name: string, personId: string | null = null) {
  return { name, type: 'person', kind: null, person_id: personId, identifier: null };
}

function thing(name: string, type: string) {
  return { name, type, kind: null, person_id: null, identifier: null };
}

function facts(answer: LlmAnswer, messages: NormalizedMessage[] = [reply], languages = new Map<string, string>()) {
  return checked(answer, messages, languages).facts;
}

function checked(answer: LlmAnswer, messages: NormalizedMessage[] = [reply], languages = new Map<string, string>()) {
  return factsOfAnswer(
    answer,
    new Map(messages.map((message) => [message.id, message])),
    LLM_CHANNEL.channel_id,
    new PeopleOfBatch(messages, LLM_CHANNEL),
    languages,
  );
}

describe('factsOfAnswer', () => {
  it('finds people by id, name, alias, unique first name and mention, and drops the unknown with their relations', () => {
    const [fact] = facts(
      answerWith({
        entities: [
          person('Ana', null),
          person('bia'),
          person('Somebody', 'U0BRUNO'),
          person('Carla'),
          person('Zed'),
          thing('billing migration', 'project'),
        ],
        relations: [
          { type: 'works_on', source: 'Ana', target: 'billing migration' },
          { type: 'works_on', source: 'Zed', target: 'billing migration' },
        ],
      }),
    );
    expect(fact.entities.map((entity) => [entity.key, entity.name])).toEqual([
      ['person:U0ANA', 'Ana Lima'],
      ['person:U0BEA', 'Beatriz Souza'],
      ['person:U0BRUNO', 'Bruno Costa'],
      ['person:U0CARLA', 'Carla Diaz'],
      ['project:billing migration', 'billing migration'],
    ]);
    expect(fact.relations).toEqual([{ type: 'works_on', source: 'person:U0ANA', target: 'project:billing migration' }]);
  });

  it('labels each fact with its message language, English when it is not known', () => {
    expect(facts(answerWith({}), [reply], new Map([[reply.id, 'es']]))[0].language).toBe('es');
    expect(facts(answerWith({}))[0].language).toBe('en');
  });

  it('gives a completion reply the subject of the task in its thread', () => {
    const [fact] = facts(answerWith({ entities: [person('Ana Lima')], subject: { kind: 'task', entity: 'Ana Lima' } }));
    expect(fact.subject).toBe('task:1709540100.000100:person:U0ANA');
    expect(fact.source.thread_id).toBe('1709540100.000100');
  });

  it('numbers the facts of each message, merges repeated entities and relations, normalizes topics', () => {
    const result = facts(
      answerWith(
        {
          entities: [thing('Postgres', 'technology'), thing('postgres', 'technology'), thing('Billing', 'project')],
          relations: [
            { type: 'uses', source: 'Billing', target: 'Postgres' },
            { type: 'uses', source: 'billing', target: 'postgres' },
          ],
          topics: ['Billing  Migration', '#billing migration', ''],
        },
        { text: ' Bruno Costa reviewed the billing pull request. ' },
      ),
    );
    expect(result.map((fact) => [fact.index, fact.text])).toEqual([
      [0, 'Ana Lima merged the billing pull request.'],
      [1, 'Bruno Costa reviewed the billing pull request.'],
    ]);
    expect(result[0].entities.map((entity) => entity.key)).toEqual(['technology:postgres', 'project:billing']);
    expect(result[0].relations).toEqual([{ type: 'uses', source: 'project:billing', target: 'technology:postgres' }]);
    expect(result[0].topics).toEqual(['billing migration']);
    expect(result[0].id).not.toBe(result[1].id);
  });

  it('leaves the subject out when it belongs to a person nobody knows', () => {
    const [fact] = facts(answerWith({ entities: [person('Zed')], subject: { kind: 'task', entity: 'Zed' } }));
    expect(fact.subject).toBeNull();
    expect(fact.entities).toEqual([]);
  });

  it("resolves each fact's owner to a person of the batch: by id, by name, or through the fact's own entity", () => {
    const result = facts(
      answerWith(
        { type: 'action_item', entities: [person('Bruno Costa')], owner: 'U0BRUNO' },
        { text: 'Beatriz Souza will review the billing pull request.', owner: 'bia' },
        // "Carla" here is the fact's entity with an id: the owner is that person, whatever else the name could be.
        { text: 'Carla Diaz will deploy the billing service.', entities: [person('Carla', 'U0CARLA')], owner: 'Carla' },
      ),
    );
    expect(result.map((fact) => fact.owner)).toEqual(['person:U0BRUNO', 'person:U0BEA', 'person:U0CARLA']);
  });

  it('leaves the owner out when the answer names nobody the batch knows, and when it names none', () => {
    const [unknown, none, absent] = facts(
      answerWith(
        { entities: [person('Ana Lima')], owner: 'Dmitri' },
        { text: 'Bruno Costa reviewed the billing pull request.', owner: null },
        { text: 'Carla Diaz deployed the billing service.' },
      ),
    );
    expect([unknown.owner, none.owner, absent.owner]).toEqual([null, null, null]);
    expect(unknown.entities.map((entity) => entity.key)).toEqual(['person:U0ANA']);
  });

  it('marks the facts that report work done, and no others', () => {
    const result = facts(
      answerWith(
        { reports_done: true, owner: 'Ana Lima' },
        { text: 'Bruno Costa will review the billing pull request.', reports_done: false },
        { text: 'Carla Diaz deployed the billing service.' },
      ),
    );
    expect(result.map((fact) => [fact.reports_done, fact.owner])).toEqual([
      [true, 'person:U0ANA'],
      [false, null],
      [false, null],
    ]);
  });

  it('keeps an action item by the owner it gives, and drops one whose owner is nobody it or the batch knows', () => {
    const { facts: kept, rejected } = checked(
      answerWith(
        // No person entity, but the owner is a person of the batch.
        { text: 'The billing migration needs a rollback plan from Ana Lima.', type: 'action_item', owner: 'Ana' },
        {
          text: 'Dmitri will write the rollback plan for Ana Lima.',
          type: 'action_item',
          entities: [person('Ana Lima'), person('Dmitri')],
          owner: 'Dmitri',
        },
      ),
    );
    expect(kept.map((fact) => [fact.text, fact.owner])).toEqual([
      ['The billing migration needs a rollback plan from Ana Lima.', 'person:U0ANA'],
    ]);
    expect(rejected.map((fact) => [fact.reason, fact.detail])).toEqual([['action_item_without_owner', 'Dmitri']]);
  });

  it('takes a team the fact names as the owner of its action item, with no person to record', () => {
    const [fact] = facts(
      answerWith({
        text: 'The platform team will upgrade the staging cluster.',
        type: 'action_item',
        entities: [thing('platform team', 'team')],
        owner: 'platform team',
      }),
    );
    expect([fact.type, fact.owner]).toEqual(['action_item', null]);
  });

  it('drops a fact that breaks a rule of the prompt, reports why, and numbers the kept ones without a gap', () => {
    const answer = answerWith(
      { text: 'Carla Diaz will check it tomorrow and Bruno Costa will deploy the fix.', type: 'action_item' },
      { text: 'Bruno Costa asked about the billing migration.', message_id: 'm-other', type: 'question' },
      { text: 'Ana Lima merged the fix for the billing migration.' },
    );
    const { facts: kept, rejected } = checked(answer);
    expect(kept.map((fact) => [fact.index, fact.text])).toEqual([
      [0, 'Ana Lima merged the fix for the billing migration.'],
    ]);
    expect(kept[0].id).toBe(facts(answerWith({ text: 'Ana Lima merged the fix for the billing migration.' }))[0].id);
    expect(rejected).toEqual([
      {
        message_id: reply.id,
        text: 'Carla Diaz will check it tomorrow and Bruno Costa will deploy the fix.',
        type: 'action_item',
        reason: 'unresolved_reference',
        detail: 'it',
      },
      {
        message_id: 'm-other',
        text: 'Bruno Costa asked about the billing migration.',
        type: 'question',
        reason: 'message_not_sent',
        detail: 'm-other',
      },
    ]);
  });

  it.each([
    ['an empty text', { text: '  ' }, /fact 0 has no text/],
    [
      'a relation to an entity the fact does not list',
      { entities: [person('Ana Lima')], relations: [{ type: 'owns', source: 'Ana Lima', target: 'billing' }] },
      /relation 0 target names "billing", which is not among the fact's entities/,
    ],
    [
      'a subject the fact does not list',
      { subject: { kind: 'deadline', entity: 'Atlas v2' } },
      /subject names "Atlas v2"/,
    ],
    [
      'a task given to something else than a person',
      { entities: [thing('Atlas', 'project')], subject: { kind: 'task', entity: 'Atlas' } },
      /a task subject names a project, not a person/,
    ],
    [
      'an artifact without a kind',
      { entities: [{ ...thing('OPS-1', 'artifact'), identifier: 'OPS-1' }] },
      /entity 0 is an artifact without a kind/,
    ],
    ['a due date that does not exist', { due_at: '2024-02-30' }, /due_at "2024-02-30" is not a YYYY-MM-DD date/],
    ['a due date in another form', { due_at: 'next Friday' }, /due_at "next Friday"/],
    ['an entity without a name', { entities: [thing(' # ', 'topic')] }, /entity 0 has no name/],
  ])('rejects the answer for %s', (_case, fact, reason) => {
    const attempt = () => facts(answerWith(fact));
    expect(attempt).toThrow(AnswerRejected);
    expect(attempt).toThrow(reason);
  });
});
