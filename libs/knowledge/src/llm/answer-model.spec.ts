import { LlmAnswer, readAnswer } from './answer-model';

const fact = {
  message_id: 'm1',
  text: 'Ana Lima will ship the billing migration on 2024-03-08.',
  type: 'action_item',
  confidence: 0.9,
  entities: [{ name: 'Ana Lima', type: 'person', kind: null, person_id: 'U0ANA', identifier: null }],
  relations: [],
  topics: ['billing'],
  subject: { kind: 'task', entity: 'Ana Lima' },
  due_at: '2024-03-08',
};

describe('readAnswer', () => {
  it('accepts an answer of the schema', () => {
    const answer = readAnswer({ facts: [fact] });
    expect(answer).toBeInstanceOf(LlmAnswer);
    expect((answer as LlmAnswer).facts[0].subject).toEqual({ kind: 'task', entity: 'Ana Lima' });
  });

  it("reads a fact's owner and report of work done, and lets an answer leave them out", () => {
    const answer = readAnswer({ facts: [{ ...fact, owner: 'U0ANA', reports_done: true }, fact] }) as LlmAnswer;
    expect(answer.facts.map((read) => [read.owner, read.reports_done])).toEqual([
      ['U0ANA', true],
      [undefined, undefined],
    ]);
    const reason = readAnswer({ facts: [{ ...fact, owner: 7, reports_done: 'yes' }] });
    expect(reason).toContain('facts.0.owner');
    expect(reason).toContain('facts.0.reports_done');
  });

  it('refuses what is not an object', () => {
    expect(readAnswer([fact])).toBe('the answer is not a JSON object');
    expect(readAnswer('facts')).toBe('the answer is not a JSON object');
    expect(readAnswer(null)).toBe('the answer is not a JSON object');
  });

  it('names the fields that break the schema: outside the enums, missing, extra, out of range', () => {
    const reason = readAnswer({
      facts: [{ ...fact, type: 'todo', confidence: 1.5, subject: { kind: 'eta', entity: 'x' }, extra: true }],
    });
    expect(reason).toMatch(/^the answer does not match the schema: /);
    expect(reason).toContain('facts.0.type');
    expect(reason).toContain('(and 1 more)');
    const missing = readAnswer({ facts: [{ ...fact, due_at: undefined }] });
    expect(missing).toContain('facts.0.due_at');
    const badEntity = readAnswer({ facts: [{ ...fact, entities: [{ ...fact.entities[0], type: 'channel' }] }] });
    expect(badEntity).toContain('facts.0.entities.0.type');
  });

  it('refuses an answer without its facts array', () => {
    const reason = readAnswer({ fact });
    expect(reason).toContain('facts: facts must be an array');
    expect(reason).toContain('fact: property fact should not exist');
  });
});
