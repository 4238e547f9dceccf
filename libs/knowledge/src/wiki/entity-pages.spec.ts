import type { WikiPage } from '@atlas/events';
import { entity, factOf, person, relation, wikiInputOf } from '../testing/wiki-input';
import { ANA, BEN, wikiMessage } from '../testing/wiki-scenario';
import { generateWikiPages } from './generate-wiki-pages';

const rotation = entity('topic', 'on-call rotation');
const kafka = entity('technology', 'Kafka');
const weekly = entity('decision', 'weekly on-call rotation');
const ben = person(BEN);
const ana = person(ANA);

const m = [
  wikiMessage('1741000000.000100', BEN, '2025-03-03T09:00:00.000Z', 'The on-call rotation goes weekly.'),
  wikiMessage('1741000100.000100', BEN, '2025-03-03T10:00:00.000Z', 'Kafka lag alerts page the on-call rotation.'),
  wikiMessage('1741000200.000100', ANA, '2025-03-03T11:00:00.000Z', 'Ben, the on-call rotation doc is great.'),
];
const facts = [
  factOf(m[0], {
    text: 'The on-call rotation goes weekly.',
    type: 'decision',
    entities: [ben, rotation, weekly],
    relations: [
      relation('decided', ben, weekly),
      relation('mentions', ben, weekly),
      relation('mentions', ben, rotation),
    ],
    topics: ['on-call rotation'],
  }),
  factOf(m[1], {
    text: 'Kafka lag alerts page the on-call rotation.',
    type: 'observation',
    entities: [ben, kafka, rotation],
    relations: [relation('mentions', ben, kafka), relation('mentions', ben, rotation)],
    topics: ['on-call rotation'],
  }),
  factOf(m[2], {
    text: 'Ben, the on-call rotation doc is great.',
    type: 'opinion',
    entities: [ana, ben, rotation],
    relations: [relation('mentions', ana, ben), relation('mentions', ana, rotation)],
    topics: ['on-call rotation'],
  }),
];
const pages = generateWikiPages(wikiInputOf(facts, m));
const pageOf = (slug: string): WikiPage => {
  const page = pages.find((candidate) => candidate.slug === slug);
  if (!page) throw new Error(`no ${slug} page among ${pages.map((p) => p.slug).join(', ')}`);
  return page;
};
const relations = (page: WikiPage) => {
  const start = page.markdown.indexOf('## Relations\n\n') + '## Relations\n\n'.length;
  return page.markdown.slice(start, page.markdown.indexOf('\n\n', start)).split('\n');
};

describe('entity pages', () => {
  it('lists what an entity does one relation a line, then whom it mentions (linked to a topic page) and who mentions it, one line each', () => {
    expect(relations(pageOf('entity-ben-okafor'))).toEqual([
      '- **Ben Okafor** decided **weekly on-call rotation** [1]',
      '- **Ben Okafor** mentions [on-call rotation](topic-on-call-rotation) [3][1], **Kafka** [3]',
      '- Mentioned by **Ana Souza** [2]',
    ]);
  });
});
