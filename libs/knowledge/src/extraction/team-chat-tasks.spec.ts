import 'reflect-metadata';
import type { Fact, NormalizedMessage } from '@atlas/events';
import { ANA, BRUNO, CARLA, by, chatMessage, engChannelContext } from '../testing/chat-messages';
import { extractFacts } from './extract-facts';

/*
 * Lines of the shipped demo workspace (demo/slack-export), with its people renamed to the test channel's:
 * what a team's wiki must read right about who took on what and what was approved.
 */
const context = engChannelContext();
const key = (person: { id: string }) => `person:${person.id}`;
const ROOT = '1741078500.161229';

function message(
  id: string,
  author: { id: string; name: string },
  text: string,
  extra: Partial<NormalizedMessage> = {},
) {
  return chatMessage({ id, ...by(author), text, timestamp: new Date(Number(id) * 1000).toISOString(), ...extra });
}

function factsOf(batch: NormalizedMessage[], of: NormalizedMessage): Fact[] {
  return extractFacts(batch, context).facts.filter((fact) => fact.message_id === of.id);
}

describe('tasks and approvals in team chat', () => {
  it('gives a request to the person greeted, and their yes says what they took on, in their words', () => {
    const welcome = message(
      '1741079454.618410',
      ANA,
      'Welcome to #product @bruno! This is where customer feedback lands. Could you post a short digest of what you hear each week?',
      { mentions: [{ id: BRUNO.id, name: 'bruno' }], reply_count: 1 },
    );
    const yes = message('1741079707.987963', BRUNO, "Absolutely, I'll post one every Wednesday.", {
      thread_parent_id: welcome.id,
    });
    const [request] = factsOf([welcome, yes], welcome);
    expect([request.type, request.owner]).toEqual(['question', key(BRUNO)]);
    const [accepted] = factsOf([welcome, yes], yes);
    expect(accepted).toMatchObject({
      type: 'action_item',
      owner: key(BRUNO),
      subject: `task:${welcome.id}:${key(BRUNO)}`,
      text: 'Bruno Costa agreed to post a short digest of what Bruno Costa hears each week: Absolutely, Bruno Costa will post one every Wednesday.',
    });
  });

  it('reads what is said to someone new after "And" as said to them, never as a task of the first', () => {
    const line = message(
      '1740997848.908946',
      BRUNO,
      'Thanks all, really happy to be here! @ana yes please, Wednesday? And @carla I have been warned already 😄',
      {
        mentions: [
          { id: ANA.id, name: 'ana' },
          { id: CARLA.id, name: 'carla' },
        ],
      },
    );
    const facts = factsOf([line], line);
    expect(facts.map((fact) => fact.type)).not.toContain('action_item');
    expect(facts.map((fact) => fact.text)).toEqual(['Bruno Costa has been warned already']);
  });

  it('carries what an approval approves: the message before it in the thread', () => {
    const question = message(
      ROOT,
      CARLA,
      'The e2e suite failed 4 times yesterday on checkout-route.spec. Has anyone seen this locally?',
      {
        reply_count: 2,
      },
    );
    const pr = message('1741103326.724079', CARLA, 'PR is up: https://github.com/fernway/routes-web/pull/812', {
      thread_parent_id: ROOT,
    });
    const approval = message('1741105857.450242', ANA, 'Approved. 10 green runs in a row on the branch :ok_hand:', {
      thread_parent_id: ROOT,
    });
    const [decision] = factsOf([question, pr, approval], approval);
    expect([decision.type, decision.text]).toEqual([
      'decision',
      'On Carla Diaz\'s "PR is up: https://github.com/fernway/routes-web/pull/812": Approved. 10 green runs in a row on the branch',
    ]);
  });

  it('splits a list of action items into one task per owner, "me" being the author', () => {
    const postmortem = message(
      '1741884330.509868',
      BRUNO,
      'Root cause: export jobs on the API nodes. Action items: alert on pool saturation (me), load test exports before release (@carla).',
      { mentions: [{ id: CARLA.id, name: 'carla' }] },
    );
    const tasks = factsOf([postmortem], postmortem).filter((fact) => fact.type === 'action_item');
    expect(tasks.map((fact) => [fact.text, fact.owner, fact.reports_done])).toEqual([
      ['Bruno Costa has an action item: alert on pool saturation.', key(BRUNO), false],
      ['carla has an action item: load test exports before release.', key(CARLA), false],
    ]);
  });

  it('names the people a request addresses at once, and gives it no single owner', () => {
    const line = message('1742400304.623714', ANA, '@bruno @carla please add estimates to the tickets by Monday', {
      mentions: [
        { id: BRUNO.id, name: 'bruno' },
        { id: CARLA.id, name: 'carla' },
      ],
    });
    const [task] = factsOf([line], line);
    expect([task.type, task.text, task.owner]).toEqual([
      'action_item',
      'bruno and carla, please add estimates to the tickets by Monday',
      null,
    ]);
  });

  it('gives a task under way its author as subject, and no task of its own to "Done by noon."', () => {
    const line = message(
      '1741601520.000100',
      BRUNO,
      "That's me, sorry. Testing the replication catch-up with production-sized data. Done by noon.",
    );
    expect(factsOf([line], line).map((fact) => [fact.type, fact.text, fact.owner])).toEqual([
      ['action_item', 'Bruno Costa is testing the replication catch-up with production-sized data.', key(BRUNO)],
    ]);
  });
});
