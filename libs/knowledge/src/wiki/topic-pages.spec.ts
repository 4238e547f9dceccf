import type { WikiPage } from '@atlas/events';
import { entity, factOf, person, relation, wikiInputOf } from '../testing/wiki-input';
import { ANA, BEN, DEV, wikiMessage } from '../testing/wiki-scenario';
import { generateWikiPages } from './generate-wiki-pages';

const postgres = entity('technology', 'Postgres');
const wednesdays = entity('technology', 'Wednesdays');
const rotation = entity('topic', 'on-call rotation');

const m = {
  plan: wikiMessage('1741000000.000100', BEN, '2025-03-03T09:00:00.000Z', 'I own the Postgres upgrade.', {
    replies: 1,
  }),
  ask: wikiMessage('1741000100.000100', ANA, '2025-03-03T09:05:00.000Z', 'When is the cutover?', {
    parent: '1741000000.000100',
  }),
  done: wikiMessage('1741000200.000100', BEN, '2025-03-16T07:00:00.000Z', 'Postgres 16 cutover done.'),
  saved: wikiMessage('1741000300.000100', DEV, '2025-03-20T10:00:00.000Z', 'The Postgres 13 cluster is gone.'),
  focus: wikiMessage('1741000400.000100', ANA, '2025-03-14T09:00:00.000Z', 'No internal meetings on Wednesdays.'),
  handoff: wikiMessage('1741000500.000100', DEV, '2025-03-14T09:10:00.000Z', 'The on-call handoff is on Wednesdays.'),
  rotation: wikiMessage('1741000600.000100', DEV, '2025-03-14T09:20:00.000Z', 'The on-call rotation moves to weekly.'),
};
// As the extractor files them: a technology is also a topic tag, and so, before the fix, was a weekday.
const facts = [
  factOf(m.plan, {
    text: 'Ben owns the Postgres upgrade.',
    type: 'announcement',
    entities: [person(BEN), postgres],
    relations: [relation('owns', person(BEN), postgres)],
    topics: ['postgres'],
  }),
  factOf(m.ask, { text: 'When is the cutover?', type: 'question', entities: [person(ANA)] }),
  factOf(m.done, {
    text: 'Postgres 16 cutover done.',
    type: 'observation',
    entities: [person(BEN), postgres],
    relations: [relation('mentions', person(BEN), postgres)],
    topics: ['postgres'],
  }),
  factOf(m.saved, {
    text: 'The Postgres 13 cluster is gone.',
    type: 'observation',
    entities: [postgres],
    topics: ['cost savings'],
  }),
  factOf(m.focus, {
    text: 'No internal meetings on Wednesdays.',
    type: 'observation',
    entities: [wednesdays],
    topics: ['wednesdays'],
  }),
  factOf(m.handoff, {
    text: 'The on-call handoff is on Wednesdays.',
    type: 'observation',
    entities: [wednesdays, rotation],
    topics: ['wednesdays', 'on-call rotation'],
  }),
  factOf(m.rotation, {
    text: 'The on-call rotation moves to weekly.',
    type: 'observation',
    entities: [rotation, wednesdays],
    topics: ['on-call rotation', 'today'],
  }),
];
const pages = generateWikiPages(wikiInputOf(facts, Object.values(m)));
const pageOf = (slug: string): WikiPage => {
  const page = pages.find((candidate) => candidate.slug === slug);
  if (!page) throw new Error(`no ${slug} page among ${pages.map((p) => p.slug).join(', ')}`);
  return page;
};

describe('topic pages', () => {
  it('makes no topic, topic page or entity page of a weekday or date word', () => {
    const slugs = pages.map((page) => page.slug);
    expect(slugs.filter((slug) => /wednesday|today/.test(slug))).toEqual([]);
    expect(pageOf('topics').markdown).not.toMatch(/Wednesdays\*\*|\[Wednesdays\]|Today/);
    expect(pageOf('topic-on-call-rotation').markdown).not.toContain('Related topics');
  });

  it('gives a topic that is also an entity one page, at the entity’s slug, with the topic’s sections and the entity’s relations', () => {
    const slugs = pages.map((page) => page.slug);
    expect(slugs).toContain('entity-postgres');
    expect(slugs).not.toContain('topic-postgres');
    const page = pageOf('entity-postgres');
    expect(page.title).toBe('#eng-platform: Postgres');
    expect(page.markdown).toMatch(/^# .*\n\nTechnology\.\n\n4 facts from 4 messages by 3 people/);
    // The thread reply naming nothing is filed with the topic its thread opened, as on any topic page.
    expect(page.citations.map((citation) => citation.message_id)).toEqual(
      expect.arrayContaining([m.plan.id, m.ask.id, m.done.id, m.saved.id]),
    );
    expect(page.markdown).toMatch(/## Relations\n\n- \*\*Ben Okafor\*\* owns \*\*Postgres\*\* \[1\]/);
    expect(page.markdown).toContain('Back to [all topics](topics).');
    // Who mentions it is what People already says.
    expect(page.markdown).not.toContain('mentions **Postgres**');
  });

  it('titles a topic page as a heading, and counts a topic named once among no most discussed', () => {
    expect(pageOf('topic-on-call-rotation').title).toBe('#eng-platform: On-call rotation');
    const overview = pageOf('overview').markdown;
    expect(overview).toMatch(
      /Most discussed topics: \[Postgres\]\(entity-postgres\) \(4 facts\) \[\d+\], \[on-call rotation\]/,
    );
    expect(overview).not.toMatch(/Most discussed topics:.*cost savings/);
  });

  it('links the topic to that one page wherever the topic is named', () => {
    expect(pageOf('topics').markdown).toMatch(/- \[Postgres\]\(entity-postgres\): 4 facts/);
    for (const page of pages) expect(page.markdown).not.toContain('(topic-postgres)');
  });
});

describe('topics of thread replies', () => {
  // #product, 2025-03-03: the Q2 roadmap names three themes; Ben's estimate in its thread names none.
  const roadmap = wikiMessage(
    '1740998737.223835',
    ANA,
    '2025-03-03T10:45:00.000Z',
    'Q2 roadmap themes: offline mode and usage-based pricing.',
    { replies: 1 },
  );
  const estimate = wikiMessage('1741000502.101178', BEN, '2025-03-03T11:15:00.000Z', "I'd estimate 6-8 weeks.", {
    parent: roadmap.id,
  });
  const bigger = wikiMessage(
    '1741000600.101178',
    BEN,
    '2025-03-03T11:20:00.000Z',
    'Offline mode is bigger than it looks.',
    {
      parent: roadmap.id,
    },
  );
  const pricingNote = wikiMessage(
    '1741255239.800200',
    DEV,
    '2025-03-06T10:00:00.000Z',
    'Usage-based pricing needs metering.',
  );
  const offlineNote = wikiMessage(
    '1741255300.800200',
    DEV,
    '2025-03-06T10:01:00.000Z',
    'Offline mode needs a sync protocol.',
  );
  const pages = generateWikiPages(
    wikiInputOf(
      [
        factOf(roadmap, {
          text: roadmap.text,
          type: 'announcement',
          topics: ['offline mode', 'usage-based pricing'],
        }),
        factOf(estimate, { text: 'Ben Okafor would estimate 6-8 weeks.', type: 'observation' }),
        factOf(bigger, { text: bigger.text, type: 'opinion' }),
        factOf(pricingNote, { text: pricingNote.text, type: 'observation', topics: ['usage-based pricing'] }),
        factOf(offlineNote, { text: offlineNote.text, type: 'observation', topics: ['offline mode'] }),
      ],
      [roadmap, estimate, bigger, pricingNote, offlineNote],
    ),
  );

  it('files a reply under the topics of its thread it names, and one naming none under all of them', () => {
    const page = (slug: string) => pages.find((candidate) => candidate.slug === slug)!.markdown;
    expect(page('topic-offline-mode')).toContain('6-8 weeks');
    expect(page('topic-usage-based-pricing')).toContain('6-8 weeks');
    expect(page('topic-offline-mode')).toContain('Offline mode is bigger than it looks.');
    expect(page('topic-usage-based-pricing')).not.toContain('bigger than it looks');
  });
});
