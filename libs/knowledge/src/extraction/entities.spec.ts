import type { MessageMention } from '@atlas/events';
import { ANA, BRUNO, CARLA, chatMessage } from '../testing/chat-messages';
import { extractFactEntities, type EntityOptions } from './entities';
import { Gazetteer } from './gazetteer';

const people = new Gazetteer([
  { id: ANA.id, name: ANA.name, aliases: ['ana', 'analima'] },
  { id: BRUNO.id, name: BRUNO.name, aliases: ['bruno'] },
  { id: CARLA.id, name: CARLA.name, aliases: [] },
]);
const plain: EntityOptions = { knownProjects: new Set(), withPurpose: false };

function entitiesOf(text: string, mentions: MessageMention[] = [], options = plain) {
  const message = chatMessage({ id: '1709540000.000100', text, mentions });
  return extractFactEntities(text, message, mentions, people.forMessage(message), options).map(
    ({ key, name, type, kind }) => ({ key, name, type, kind }),
  );
}
const keysOf = (text: string, mentions: MessageMention[] = [], options = plain): string[] =>
  entitiesOf(text, mentions, options).map((entity) => entity.key);
const ofType = (text: string, type: string, options = plain): string[] =>
  entitiesOf(text, [], options)
    .filter((entity) => entity.type === type)
    .map((entity) => `${entity.key}=${entity.name}`);

describe('extractFactEntities', () => {
  it('reads software named the way code names it as a technology', () => {
    expect(ofType('Released @acme/date-picker and the billing-api fix today.', 'technology')).toEqual([
      'technology:acme/date-picker=@acme/date-picker',
      'technology:billing-api=billing-api',
    ]);
  });

  it('reads an unknown name used like a tool as a technology, even when the tagger takes it for a verb', () => {
    expect(ofType('Has anyone tried Zephyrly for load tests?', 'technology')).toEqual(['technology:zephyrly=Zephyrly']);
    expect(ofType('Log your hours in Harvest by Friday.', 'technology')).toEqual(['technology:harvest=Harvest']);
    expect(ofType('Harvest is where hours go.', 'technology')).toEqual([]);
  });

  it('names the author first, then people by mention, full name, alias or unique first name', () => {
    expect(keysOf('@bruno can you pair with Carla on it? Ana Lima agrees', [{ id: BRUNO.id, name: 'bruno' }])).toEqual([
      `person:${ANA.id}`,
      `person:${BRUNO.id}`,
      `person:${CARLA.id}`,
    ]);
    expect(entitiesOf('ask @bruno', [{ id: BRUNO.id, name: 'bruno' }])[1]).toEqual({
      key: `person:${BRUNO.id}`,
      name: BRUNO.name,
      type: 'person',
      kind: null,
    });
  });

  it('leaves a first name two people share unresolved', () => {
    const gazetteer = new Gazetteer([
      { id: 'U1', name: 'Carla Diaz', aliases: [] },
      { id: 'U2', name: 'Carla Mendes', aliases: [] },
    ]);
    const message = chatMessage({ id: '1', author_id: 'U9', author_name: 'Zoe', text: 'Carla owns the rollout' });
    const keys = extractFactEntities(message.text, message, [], gazetteer.forMessage(message), plain).map((e) => e.key);
    expect(keys).toEqual(['person:U9', 'topic:rollout']);
  });

  it('finds technologies in any case, with their display spelling and one key per technology', () => {
    expect(
      ofType('we moved from mongo to postgresql on k8s, then to Postgres and GitHub Actions', 'technology'),
    ).toEqual([
      'technology:mongodb=MongoDB',
      'technology:postgres=Postgres',
      'technology:kubernetes=Kubernetes',
      'technology:github actions=GitHub Actions',
    ]);
  });

  it('finds internal services and packages, and does not take everyday words for languages', () => {
    expect(ofType('billing-api calls expo-sqlite; go ahead and react quickly', 'technology')).toEqual([
      'technology:billing-api=billing-api',
      'technology:expo-sqlite=expo-sqlite',
    ]);
    expect(ofType('PSA: Go 1.24 is the default', 'technology')).toEqual(['technology:go=Go']);
  });

  it('finds teams by the word team, by name, and departments acting as one', () => {
    expect(ofType('The platform team and Team Phoenix asked the SRE team; Data Eng too', 'team')).toEqual([
      'team:platform=Platform team',
      'team:phoenix=Team Phoenix',
      'team:sre=SRE team',
      'team:data eng=Data Eng',
    ]);
    expect(ofType('is Mar 21 safe for finance? let mobile know', 'team')).toEqual([
      'team:finance=Finance team',
      'team:mobile=Mobile team',
    ]);
    expect(ofType('our team is small', 'team')).toEqual([]);
  });

  it('finds projects by their signals, by a version, or as the batch named them before', () => {
    expect(ofType('Project Atlas slips; the Helios launch and Prism 2.0 do not', 'project')).toEqual([
      'project:atlas=Atlas',
      'project:helios=Helios',
      'project:prism=Prism',
    ]);
    expect(ofType('Billing is slow and Atlas is late', 'project')).toEqual([]);
    expect(
      ofType('Billing is slow and Atlas is late', 'project', { ...plain, knownProjects: new Set(['atlas']) }),
    ).toEqual(['project:atlas=Atlas']);
  });

  it('takes an unknown name used like a tool for a technology', () => {
    expect(ofType('we switch the icons to Lucide', 'technology')).toEqual(['technology:lucide=Lucide']);
  });

  it('gives artifacts their kind', () => {
    expect(
      entitiesOf('See https://github.com/acme/billing/pull/42, OPS-142 and https://docs.google.com/document/d/x')
        .filter((entity) => entity.type === 'artifact')
        .map((entity) => [entity.key, entity.kind]),
    ).toEqual([
      ['artifact:ticket:github.com/acme/billing/pull/42', 'ticket'],
      ['artifact:ticket:ops-142', 'ticket'],
      ['artifact:document:docs.google.com/document/d/x', 'document'],
    ]);
  });

  it('finds noun phrases that name a subject of work, not every noun phrase', () => {
    expect(ofType('The on-call rotation and the billing migration worry the admin port people', 'topic')).toEqual([
      'topic:on-call rotation=on-call rotation',
      'topic:billing migration=billing migration',
    ]);
  });

  it('makes no topic of pronouns, modal verbs or other function words, whichever rule found the phrase', () => {
    expect(ofType('Can you move them to the worker pool right away instead of next cycle?', 'topic')).toEqual([]);
    expect(ofType('Should we move it to Friday?', 'topic')).toEqual([]);
    expect(ofType('It is due on Friday.', 'topic')).toEqual([]);
    expect(ofType('The beta moves to April 11.', 'topic')).toEqual(['topic:beta=beta']);
  });

  it('names what a technology is for when asked to, for decisions', () => {
    const options = { ...plain, withPurpose: true };
    expect(ofType('We will use Postgres for billing', 'topic', options)).toEqual(['topic:billing=billing']);
    expect(ofType('We will use Postgres for billing', 'topic')).toEqual([]);
  });

  it('does not make channels, mentions, e-mails or code into entities', () => {
    expect(keysOf('Ping @Dan or dan@acme.io in #ops-alerts about `Kafka Connect`')).toEqual([`person:${ANA.id}`]);
  });

  it('names each entity once per fact', () => {
    const keys = keysOf('Postgres, postgres and POSTGRES; OPS-1 and OPS-1');
    expect(keys).toEqual([...new Set(keys)]);
  });
});
