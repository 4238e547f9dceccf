import 'reflect-metadata';
import type { WikiPage } from '@atlas/events';
import { entity, factOf, person, relation, wikiInputOf } from '../testing/wiki-input';
import { ANA, BEN, CARLA, DEV, wikiMessage } from '../testing/wiki-scenario';
import { generateWikiPages } from './generate-wiki-pages';

function pageOf(pages: WikiPage[], slug: string): WikiPage {
  const page = pages.find((candidate) => candidate.slug === slug);
  if (!page) throw new Error(`no page ${slug}`);
  return page;
}
function section(page: WikiPage, heading: string): string {
  const start = page.markdown.indexOf(`## ${heading}\n`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = page.markdown.indexOf('\n## ', start + 1);
  return page.markdown.slice(start, end < 0 ? undefined : end);
}
function citationsOf(page: WikiPage, line: string): string[] {
  const numbers = [...line.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
  return numbers.map((n) => page.citations.find((citation) => citation.n === n)!.message_id);
}

describe('the action items and decisions pages', () => {
  // #product: Chloé asks Mei for mockups v2 in a thread, Mei says yes; a week later Mei posts them as a
  // new message. Chloé asks everyone to comment. Chloé proposes a plan, Farah agrees.
  const ask = wikiMessage(
    '1741360836.000100',
    CARLA,
    '2025-03-07T15:20:00.000Z',
    '@Dev can you finish v2 of the mockups by Friday next week?',
    { replies: 1 },
  );
  const yes = wikiMessage('1741362126.000100', DEV, '2025-03-07T15:42:00.000Z', 'Yes, v2 by next Friday.', {
    parent: ask.id,
  });
  const posted = wikiMessage(
    '1741950033.000100',
    DEV,
    '2025-03-14T11:00:00.000Z',
    'Mockups v2 with the weekday picker: https://figma.example/v2',
  );
  const everyone = wikiMessage('1741255239.000100', CARLA, '2025-03-06T10:00:00.000Z', 'Please comment by Thursday.');
  const proposal = wikiMessage(
    '1741002023.000100',
    CARLA,
    '2025-03-03T11:40:00.000Z',
    'Proposal: Scheduled Reports in April.',
    { replies: 1 },
  );
  const agreed = wikiMessage('1741002296.000100', ANA, '2025-03-03T11:44:00.000Z', 'Works for me.', {
    parent: proposal.id,
  });
  const dev = `person:${DEV.id}`;
  const task = `task:${ask.id}:${dev}`;
  const plan = entity('decision', 'Scheduled Reports in April');
  const facts = [
    factOf(ask, {
      type: 'question',
      text: 'Can Dev Patel finish v2 of the mockups by Friday next week?',
      subject: task,
      owner: dev,
    }),
    factOf(yes, {
      type: 'action_item',
      text: 'Dev Patel agreed to finish v2 of the mockups by Friday next week: Yes, v2 by next Friday.',
      subject: task,
      owner: dev,
    }),
    factOf(posted, {
      type: 'announcement',
      text: 'Mockups v2 with the weekday picker: https://figma.example/v2',
      owner: dev,
      reports_done: true,
    }),
    factOf(everyone, { type: 'action_item', text: 'Please comment by Thursday.', owner: null }),
    factOf(agreed, {
      type: 'decision',
      text: 'Carla Diaz and Ana Souza agreed: Scheduled Reports in April.',
      entities: [person(CARLA), person(ANA), plan],
      relations: [relation('decided', person(CARLA), plan), relation('decided', person(ANA), plan)],
    }),
  ];
  const pages = generateWikiPages(wikiInputOf(facts, [ask, yes, posted, everyone, proposal, agreed]));

  it('lists a task taken on by a yes as done once its owner posts the thing, with who, since when and the cited post', () => {
    const page = pageOf(pages, 'action-items');
    expect(page.markdown).toContain('0 open, 1 done, 1 without a single owner.');
    const done = section(page, 'Done');
    const line = done.split('\n').find((candidate) => candidate.includes('finish v2 of the mockups'))!;
    expect(line).toContain('— Dev Patel, opened 2025-03-07');
    expect(line).toContain('· asked by Carla Diaz');
    expect(line).toContain('· done 2025-03-14');
    expect(citationsOf(page, line)).toEqual([yes.id, ask.id, posted.id]);
  });

  it('keeps a request to everyone out of Open and Done, owned by no one', () => {
    const page = pageOf(pages, 'action-items');
    expect(section(page, 'Open')).not.toContain('Please comment');
    expect(section(page, 'Without a single owner')).toContain(
      'Please comment by Thursday. — no single owner, asked by Carla Diaz',
    );
  });

  it('shows an agreed decision as decided by both, current', () => {
    const current = section(pageOf(pages, 'decisions'), 'Current');
    expect(current).toContain(
      'Carla Diaz and Ana Souza agreed: Scheduled Reports in April. — decided by Carla Diaz and Ana Souza, 2025-03-03',
    );
    expect(current).toContain('· current');
  });

  // #engineering, 2025-03-03: in one thread Ben takes the upgrade, and Ana asks him for the runbook steps,
  // which he posts two days later. One task subject (the thread's, Ben's), two tasks.
  it('lists two tasks of one owner in one thread apart, each open or done on its own, saying who asked for one', () => {
    const plan = wikiMessage(
      '1740994873.368045',
      BEN,
      '2025-03-03T09:41:00.000Z',
      "I'll take the database upgrade. Proposal: logical replication.",
      { replies: 1 },
    );
    const go = wikiMessage(
      '1740997214.081425',
      ANA,
      '2025-03-03T10:20:00.000Z',
      "OK, let's go with logical replication. @Ben please put the steps in the runbook by Wednesday.",
      { parent: plan.id },
    );
    const runbook = wikiMessage(
      '1741172568.995481',
      BEN,
      '2025-03-05T11:02:00.000Z',
      'Runbook for the Postgres cutover is ready for review: https://docs.example/runbooks/pg16',
    );
    const task = `task:${plan.id}:person:${BEN.id}`;
    const upgrade = factOf(plan, {
      type: 'action_item',
      text: 'Ben Okafor will take the database upgrade.',
      subject: task,
    });
    const steps = factOf(go, {
      type: 'action_item',
      text: 'Ben Okafor please put the steps in the runbook by Wednesday.',
      subject: task,
      index: 1,
    });
    const posted = factOf(runbook, {
      type: 'announcement',
      text: runbook.text,
      owner: `person:${BEN.id}`,
      reports_done: true,
    });
    const page = pageOf(generateWikiPages(wikiInputOf([upgrade, steps, posted], [plan, go, runbook])), 'action-items');
    expect(page.markdown).toContain('1 open, 1 done.');
    const open = section(page, 'Open');
    expect(open).toContain('Ben Okafor will take the database upgrade. — Ben Okafor, open since 2025-03-03');
    expect(open).not.toContain('replaces');
    const done = section(page, 'Done');
    // The request does not say who asked for it; the line does.
    expect(done).toContain('please put the steps in the runbook by Wednesday. — Ben Okafor, opened 2025-03-03');
    expect(done).toContain('· asked by Ana Souza ·');
    expect(open).not.toContain('asked by');
    expect(done).toContain('· done 2025-03-05');
    expect(done).not.toContain('replaces');
  });
});
