import type { FactType } from '@atlas/events';
import { LLM_CHANNEL, llmTestMessage } from '../testing/llm-channel';
import { REJECTION_REASONS, rejectionOf } from './fact-checks';
import { PeopleOfBatch } from './people-of-batch';
import { systemPrompt, userMessage } from './prompt';

describe('the prompt', () => {
  const parent = llmTestMessage({ id: 'p1', text: 'Who owns the billing migration?', author_id: 'U0BRUNO' });
  const reply = llmTestMessage({
    id: 'r1',
    text: 'I do.',
    thread_parent_id: 'p1',
    edited_at: '2024-03-04T15:00:00.000Z',
    mentions: [{ id: 'U0CARLA', name: 'Carla Diaz' }],
  });

  it('gives the messages as compact JSON, with the people and the thread parents they reply to', () => {
    const context = { ...LLM_CHANNEL, thread_parents: new Map([['p1', parent]]) };
    const people = new PeopleOfBatch([reply], context).list();
    const prompt = JSON.parse(userMessage([reply], new Map(), context, people));
    expect(prompt).toEqual({
      channel: 'eng-platform',
      people: [
        { id: 'U0ANA', name: 'Ana Lima' },
        { id: 'U0BRUNO', name: 'Bruno Costa' },
        { id: 'U0BEA', name: 'Beatriz Souza' },
        { id: 'U0CARLA', name: 'Carla Diaz' },
      ],
      context: [expect.objectContaining({ id: 'p1', text: 'Who owns the billing migration?' })],
      messages: [
        {
          id: 'r1',
          author: 'Ana Lima',
          author_id: 'U0ANA',
          time: '2024-03-04T15:00:00.000Z',
          thread_parent: 'p1',
          text: 'I do.',
        },
      ],
    });
  });

  it('shows no parent twice: one sent along is not context', () => {
    const prompt = JSON.parse(userMessage([parent, reply], new Map(), LLM_CHANNEL, []));
    expect(prompt.context).toEqual([]);
  });

  it('writes the schema into the instructions only when the server cannot take it in response_format', () => {
    expect(systemPrompt('json_schema')).not.toContain('"additionalProperties"');
    expect(systemPrompt('json_object')).toContain('"additionalProperties":false');
    expect(systemPrompt('json_schema')).toMatch(/self-contained/);
  });

  it('states the rules of selectivity, atomicity, pronouns and types, and every check the answer goes through', () => {
    const prompt = systemPrompt('json_schema');
    expect(prompt).toMatch(/Be selective\. A message gives a fact only when it states something a teammate would want/);
    expect(prompt).toMatch(
      /Greetings, thanks, acknowledgements, reactions, compliments, exclamations, jokes, emoji and filler give no fact/,
    );
    expect(prompt).toMatch(/One proposition per fact\. Split a compound sentence/);
    expect(prompt).toMatch(/"I", "me", "my" are the author; "you", "your" the person addressed/);
    expect(prompt).toMatch(/decision: only with a decision act.*Never a "Let's …"/);
    expect(prompt).toMatch(/action_item: a task with an owner.*Never a question/);
    expect(prompt).toMatch(/opinion: .*marked as someone's/);
    for (const rule of Object.values(REJECTION_REASONS)) expect(prompt).toContain(`- ${rule};`);
  });

  it("asks for each fact's owner from the people list, whether it reports work done, and knows places", () => {
    const prompt = systemPrompt('json_schema');
    expect(prompt).toMatch(/- owner: whose work the fact is about, as the person's id or name from "people"/);
    expect(prompt).toMatch(/null .* for anyone who is not in "people"/);
    expect(prompt).toMatch(/- reports_done: true when the fact reports a piece of work finished/);
    expect(prompt).toMatch(/place: a city, country, region, office or venue \("London", "California"/);
    expect(systemPrompt('json_object')).toContain(
      '"required":["message_id","text","type","confidence","entities","relations","topics","subject","due_at","owner","reports_done"]',
    );
  });

  // The prompt's examples must be what the checks keep and drop, or the model is taught one thing and judged on another.
  const PEOPLE = ['Ana Lima', 'Bruno Costa', 'Gus', 'Ben Ortiz'];
  const ANA = { key: 'person:U0ANA', name: 'Ana Lima', type: 'person' as const, kind: null };
  it.each<[string, FactType]>([
    ['Ana Lima will ship the billing migration on 2024-03-08.', 'action_item'],
    ['Ana Lima merged the login fix.', 'announcement'],
    ['Bruno Costa deployed the login fix.', 'announcement'],
    ['How does Gus submit expenses?', 'question'],
    ['How does one get a GPG key for APT?', 'question'],
    ['Ben Ortiz agrees with the plan.', 'opinion'],
    ['The team agreed to move billing to Postgres.', 'decision'],
    ['Ana Lima asked Bruno Costa to review PR 42.', 'action_item'],
    ['Bruno Costa asked whether billing should move to Postgres.', 'question'],
    ['Ana Lima thinks Postgres fits billing better.', 'opinion'],
    ['Bruno Costa merged PR 42.', 'announcement'],
  ])('gives "%s" as a good example, which the checks keep', (text, type) => {
    expect(systemPrompt('json_schema')).toContain(`"${text}"`);
    expect(rejectionOf({ text, type, entities: [ANA], language: 'en' }, PEOPLE)).toBeNull();
  });

  it.each<[string, FactType]>([
    ["I'll ship it Friday.", 'action_item'],
    ['Ana Lima will ship it on Friday.', 'action_item'],
    ["Definitely worth a read if you're looking for something captivating.", 'opinion'],
    ['How do Gus submit expenses?', 'question'],
    ['Fine by Ben.', 'opinion'],
    ["Let's rock it!", 'decision'],
    ['Can Bruno review PR 42?', 'action_item'],
    ['Hey Mel! Good to see you!', 'observation'],
    ['Wow, amazing view!', 'observation'],
  ])('gives "%s" as a bad example', (text, type) => {
    expect(systemPrompt('json_schema')).toContain(`"${text}"`);
    expect(rejectionOf({ text, type, entities: [ANA], language: 'en' }, PEOPLE)).not.toBeNull();
  });
});
