import type { Fact, NormalizedMessage } from '@atlas/events';
import type { WikiInput } from '../contracts';
import { entity, factOf, person, relation, WIKI_CHANNEL, wikiInputOf } from './wiki-input';

export const ANA = { id: 'U0ANA', name: 'Ana Souza' };
export const BEN = { id: 'U0BEN', name: 'Ben Okafor' };
export const DEV = { id: 'U0DEV', name: 'Dev Patel' };
export const CARLA = { id: 'U0CARLA', name: 'Carla Diaz' };

type Author = { id: string; name: string };

/** A message of the wiki test channel; `thread` makes it a reply, `replies` a thread opener. */
export function wikiMessage(
  id: string,
  author: Author,
  timestamp: string,
  text: string,
  thread: { parent?: string; replies?: number } = {},
): NormalizedMessage {
  return {
    id,
    channel_id: WIKI_CHANNEL.channel_id,
    author_id: author.id,
    author_name: author.name,
    text,
    timestamp,
    thread_parent_id: thread.parent ?? null,
    reply_count: thread.replies ?? 0,
    edited: false,
    edited_at: null,
    deleted: false,
    attachments: [],
    permalink: `https://acme.slack.com/archives/${WIKI_CHANNEL.channel_id}/p${id.replace('.', '')}`,
    mentions: [],
    subtype: null,
    is_bot: false,
  };
}

export interface WikiScenario {
  input: WikiInput;
  messages: NormalizedMessage[];
  facts: Fact[];
  /** Facts by a short name, for assertions. */
  fact: Record<string, Fact>;
}

const postgres = entity('technology', 'Postgres');
const csv = entity('technology', 'CSV');
const runbook = entity('artifact', 'Runbook: PG16 cutover', 'document');
const postmortem = entity('artifact', 'Postmortem: API latency', 'document');
const replication = entity('decision', 'logical replication');

/**
 * Two weeks of an engineering channel, as facts the extractor could have drawn from it: a Postgres
 * upgrade planned in a thread (questions answered, a decision later moved, a task done in the
 * thread), a flaky CI thread, the CSV export (a definition, a decision), a postmortem reassigned, code
 * review norms, an open question, an acronym spelled out, and chat text full of Markdown.
 */
export function wikiScenario(): WikiScenario {
  const m = {
    plan: wikiMessage(
      '1741000000.000100',
      ANA,
      '2025-03-03T09:00:00.000Z',
      'Morning! Plan for Cycle 14: Postgres 16 upgrade, CSV export, the flaky e2e tests.',
    ),
    proposal: wikiMessage(
      '1741000100.000100',
      BEN,
      '2025-03-03T10:00:00.000Z',
      "I'll take the Postgres upgrade. Proposal: logical replication to a new 16 cluster, cut over Sunday 16th at 06:00 UTC.",
      { replies: 7 },
    ),
    rollbackQ: wikiMessage(
      '1741000200.000100',
      ANA,
      '2025-03-03T10:05:00.000Z',
      "Sounds good. What's the rollback plan?",
      { parent: '1741000100.000100' },
    ),
    rollbackA: wikiMessage(
      '1741000300.000100',
      BEN,
      '2025-03-03T10:10:00.000Z',
      'Keep the 13 primary running read-only for 48h. If something is off we point the app back to it.',
      { parent: '1741000100.000100' },
    ),
    freezeQ: wikiMessage(
      '1741000400.000100',
      DEV,
      '2025-03-03T10:20:00.000Z',
      'Do we need a freeze on migrations that week?',
      { parent: '1741000100.000100' },
    ),
    freezeA: wikiMessage(
      '1741000500.000100',
      BEN,
      '2025-03-03T10:25:00.000Z',
      'Yes, no schema changes from Friday 14th until the cutover is done.',
      { parent: '1741000100.000100' },
    ),
    goAhead: wikiMessage(
      '1741000600.000100',
      ANA,
      '2025-03-03T10:30:00.000Z',
      "OK, let's go with logical replication and the Sunday 06:00 UTC window. @Ben Okafor please put the steps in the runbook by Wednesday.",
      { parent: '1741000100.000100' },
    ),
    runbookDone: wikiMessage(
      '1741000700.000100',
      BEN,
      '2025-03-05T16:00:00.000Z',
      'Runbook for the Postgres cutover is ready for review: https://docs.acme.io/runbooks/pg16',
      { parent: '1741000100.000100' },
    ),
    flaky: wikiMessage(
      '1741100000.000100',
      DEV,
      '2025-03-04T08:00:00.000Z',
      'The e2e suite failed 4 times yesterday on checkout-route.spec. Has anyone seen this locally?',
      { replies: 3 },
    ),
    flakyA: wikiMessage(
      '1741100100.000100',
      BEN,
      '2025-03-04T08:10:00.000Z',
      'Not locally. I think the tile provider is rate limiting CI.',
      { parent: '1741100000.000100' },
    ),
    stubQ: wikiMessage(
      '1741100200.000100',
      ANA,
      '2025-03-04T08:20:00.000Z',
      "Can we stub the tile server in CI? We don't test the tiles themselves.",
      { parent: '1741100000.000100' },
    ),
    stubA: wikiMessage(
      '1741100300.000100',
      DEV,
      '2025-03-04T08:30:00.000Z',
      "Yes, I'll add a small fixture server that returns a blank tile.",
      { parent: '1741100000.000100' },
    ),
    csvQ: wikiMessage(
      '1741500000.000100',
      BEN,
      '2025-03-10T09:00:00.000Z',
      'CSV export question: should it be generated synchronously? Our largest accounts have 40k stops a month.',
      { replies: 2 },
    ),
    csvA: wikiMessage(
      '1741500100.000100',
      ANA,
      '2025-03-10T09:10:00.000Z',
      'Make it async: enqueue a job and email a download link. A synchronous request will hit the 30s load balancer timeout.',
      { parent: '1741500000.000100' },
    ),
    csvDecision: wikiMessage(
      '1741500200.000100',
      BEN,
      '2025-03-10T09:20:00.000Z',
      "Agreed. Going with a job on the queue plus a signed S3 link that's valid for 24h.",
      { parent: '1741500000.000100' },
    ),
    csvLive: wikiMessage(
      '1741600000.000100',
      BEN,
      '2025-03-11T15:00:00.000Z',
      'CSV export is live for everyone! CSV stands for comma-separated values, for the folks in sales.',
    ),
    postmortemAsk: wikiMessage(
      '1741610000.000100',
      ANA,
      '2025-03-11T16:00:00.000Z',
      '@Ben Okafor can you write a short postmortem of the latency incident by Friday?',
      { replies: 1 },
    ),
    postmortemMove: wikiMessage(
      '1741700000.000100',
      ANA,
      '2025-03-12T09:00:00.000Z',
      'Change of plan: @Carla Diaz takes the postmortem, due Monday.',
      { parent: '1741610000.000100' },
    ),
    norms: wikiMessage(
      '1741710000.000100',
      ANA,
      '2025-03-12T10:00:00.000Z',
      'Decided: PRs under 400 lines, one approval, two for migrations. Our SLA for reviews is one working day.',
    ),
    template: wikiMessage('1741720000.000100', DEV, '2025-03-12T11:00:00.000Z', 'Added the PR template to both repos.'),
    moved: wikiMessage(
      '1741800000.000100',
      ANA,
      '2025-03-13T09:00:00.000Z',
      'The Postgres cutover moves to Sunday 23rd at 06:00 UTC, the vendor needs another week.',
    ),
    safari: wikiMessage(
      '1741810000.000100',
      DEV,
      '2025-03-13T10:00:00.000Z',
      'Are we OK dropping support for Safari 15?',
    ),
    sla: wikiMessage(
      '1741820000.000100',
      CARLA,
      '2025-03-13T11:00:00.000Z',
      'The SLA (Service Level Agreement) with Acme Corp covers the billing API only.',
    ),
    markup: wikiMessage(
      '1741830000.000100',
      CARLA,
      '2025-03-13T12:00:00.000Z',
      'Heads up: `deploy.sh` now needs the *--force* flag [2] <b>really</b>',
    ),
  };
  const ben = person(BEN);
  const ana = person(ANA);
  const carla = person(CARLA);
  const fact: Record<string, Fact> = {
    plan: factOf(m.plan, {
      type: 'announcement',
      text: 'The plan for Cycle 14 is the Postgres 16 upgrade, the CSV export and the flaky e2e tests.',
      entities: [postgres, csv],
      topics: ['postgres upgrade', 'csv export'],
    }),
    proposal: factOf(m.proposal, {
      type: 'opinion',
      text: 'Ben Okafor proposes logical replication to a new Postgres 16 cluster and a cutover on Sunday 16th at 06:00 UTC.',
      entities: [ben, postgres],
      relations: [relation('works_on', ben, postgres)],
      topics: ['postgres upgrade'],
    }),
    rollbackQ: factOf(m.rollbackQ, { type: 'question', text: "What's the rollback plan?" }),
    rollbackA: factOf(m.rollbackA, {
      type: 'answer',
      text: 'The rollback plan is to keep the Postgres 13 primary running read-only for 48h.',
      entities: [postgres],
    }),
    freezeQ: factOf(m.freezeQ, { type: 'question', text: 'Do we need a freeze on migrations that week?' }),
    freezeA: factOf(m.freezeA, {
      type: 'answer',
      text: 'There are no schema changes from Friday 14th until the cutover is done.',
    }),
    decision: factOf(m.goAhead, {
      type: 'decision',
      text: 'The Postgres upgrade goes with logical replication and the Sunday 06:00 UTC window.',
      entities: [ana, replication, postgres],
      relations: [relation('decided', ana, replication)],
      topics: ['postgres upgrade'],
      subject: 'deadline:technology:postgres',
      due_at: '2025-03-16',
    }),
    runbookTask: factOf(m.goAhead, {
      index: 1,
      type: 'action_item',
      text: 'Ben Okafor will put the steps in the runbook by Wednesday.',
      entities: [ben, runbook],
      topics: ['postgres upgrade'],
      subject: `task:${m.proposal.id}:person:${BEN.id}`,
      due_at: '2025-03-05',
    }),
    runbookDone: factOf(m.runbookDone, {
      type: 'announcement',
      text: 'The runbook for the Postgres cutover is ready for review.',
      entities: [runbook, postgres],
      subject: `task:${m.proposal.id}:person:${BEN.id}`,
      owner: `person:${BEN.id}`,
      reports_done: true,
    }),
    flaky: factOf(m.flaky, {
      type: 'question',
      text: 'Has anyone seen the e2e suite fail on checkout-route.spec locally?',
      topics: ['flaky e2e tests'],
    }),
    flakyA: factOf(m.flakyA, {
      type: 'answer',
      text: 'Ben Okafor thinks the tile provider is rate limiting CI.',
      topics: ['flaky e2e tests'],
    }),
    stubQ: factOf(m.stubQ, {
      type: 'question',
      text: 'Can we stub the tile server in CI?',
      topics: ['flaky e2e tests'],
    }),
    stubA: factOf(m.stubA, {
      type: 'answer',
      text: 'Dev Patel will add a small fixture server that returns a blank tile.',
      topics: ['flaky e2e tests'],
    }),
    csvQ: factOf(m.csvQ, {
      type: 'question',
      text: 'Should the CSV export be generated synchronously?',
      entities: [csv],
      topics: ['csv export'],
    }),
    csvA: factOf(m.csvA, {
      type: 'answer',
      text: 'The CSV export should be async: enqueue a job and email a download link.',
      entities: [csv],
      topics: ['csv export'],
    }),
    csvDecision: factOf(m.csvDecision, {
      type: 'decision',
      text: "The CSV export goes with a job on the queue plus a signed S3 link that's valid for 24h.",
      entities: [csv],
      topics: ['csv export'],
    }),
    csvLive: factOf(m.csvLive, {
      type: 'announcement',
      text: 'The CSV export is live for everyone.',
      entities: [csv],
      topics: ['csv export'],
    }),
    csvDefinition: factOf(m.csvLive, {
      index: 1,
      type: 'observation',
      text: 'CSV stands for comma-separated values.',
      entities: [csv],
      topics: ['csv export'],
    }),
    postmortemTask: factOf(m.postmortemAsk, {
      type: 'action_item',
      text: 'Ben Okafor will write a short postmortem of the latency incident by Friday.',
      entities: [ben, postmortem],
      topics: ['latency incident'],
      subject: 'deadline:artifact:document:postmortem',
      due_at: '2025-03-14',
      owner: `person:${BEN.id}`,
    }),
    postmortemMoved: factOf(m.postmortemMove, {
      type: 'action_item',
      text: 'Carla Diaz takes the postmortem of the latency incident, due Monday.',
      entities: [carla, postmortem],
      topics: ['latency incident'],
      subject: 'deadline:artifact:document:postmortem',
      due_at: '2025-03-17',
      owner: `person:${CARLA.id}`,
    }),
    norms: factOf(m.norms, {
      type: 'decision',
      text: 'PRs stay under 400 lines and need one approval, two for migrations.',
      topics: ['code review'],
    }),
    reviewSla: factOf(m.norms, {
      index: 1,
      type: 'observation',
      text: 'The SLA for reviews is one working day.',
      topics: ['code review'],
    }),
    template: factOf(m.template, {
      type: 'announcement',
      text: 'Dev Patel added the PR template to both repos.',
      topics: ['code review'],
    }),
    moved: factOf(m.moved, {
      type: 'decision',
      text: 'The Postgres cutover moves to Sunday 23rd at 06:00 UTC.',
      entities: [postgres],
      topics: ['postgres upgrade'],
      subject: 'deadline:technology:postgres',
      due_at: '2025-03-23',
    }),
    safari: factOf(m.safari, {
      type: 'question',
      text: 'Are we OK dropping support for Safari 15?',
      topics: ['browser support'],
    }),
    sla: factOf(m.sla, {
      type: 'observation',
      text: 'The SLA (Service Level Agreement) with Acme Corp covers the billing API only.',
      topics: ['sla'],
    }),
    markup: factOf(m.markup, {
      type: 'announcement',
      text: 'Heads up: `deploy.sh` now needs the *--force* flag [2] <b>really</b>',
      topics: ['deploys'],
    }),
  };
  const messages = Object.values(m);
  const facts = Object.values(fact);
  return { input: wikiInputOf(facts, messages), messages, facts, fact };
}
