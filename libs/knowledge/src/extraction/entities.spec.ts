import type { FactEntity, MessageMention } from '@atlas/events';
import { ANA, BRUNO, CARLA, chatMessage } from '../testing/chat-messages';
import { extractFactEntities } from './entities';

function entitiesOf(text: string, mentions: MessageMention[] = []): FactEntity[] {
  return extractFactEntities(text, chatMessage({ id: '1709540000.000100', text, mentions }), mentions);
}

const keysOf = (text: string, mentions: MessageMention[] = []): string[] =>
  entitiesOf(text, mentions).map((entity) => entity.key);
const topicsOf = (text: string): string[] => keysOf(text).filter((key) => key.startsWith('topic:'));

describe('extractFactEntities', () => {
  it('names the author and the mentioned people', () => {
    expect(entitiesOf('@Bruno Costa can you review the PR?', [BRUNO])).toEqual([
      { key: `person:${ANA.id}`, name: ANA.name, type: 'person' },
      { key: `person:${BRUNO.id}`, name: BRUNO.name, type: 'person' },
    ]);
  });

  it('normalizes channel references', () => {
    expect(entitiesOf('Alerts now go to #Ops-Alerts, not #42.').filter((entity) => entity.type === 'channel')).toEqual([
      { key: 'channel:ops-alerts', name: '#Ops-Alerts', type: 'channel' },
    ]);
  });

  it('names links by host and path and keys them normalized', () => {
    expect(
      entitiesOf('Dashboards: https://www.grafana.acme.io/d/billing/?utm_source=slack').filter(
        (entity) => entity.type === 'link',
      ),
    ).toEqual([{ key: 'link:grafana.acme.io/d/billing', name: 'grafana.acme.io/d/billing', type: 'link' }]);
  });

  it('finds capitalized phrases, acronyms and product names as topics', () => {
    expect(topicsOf('We talked about the SLA with Acme Corp and the GitHub Actions runners on iOS.')).toEqual([
      'topic:sla',
      'topic:acme corp',
      'topic:github actions',
      'topic:ios',
    ]);
  });

  it('keys topics lowercased with whitespace collapsed, keeping the written name', () => {
    expect(
      entitiesOf('The billing team met the  Data   Platform people.').find((entity) => entity.type === 'topic'),
    ).toEqual({
      key: 'topic:data platform',
      name: 'Data Platform',
      type: 'topic',
    });
  });

  it('ignores a lone capitalized word at the start of a sentence, unless it is a known name or a phrase', () => {
    expect(topicsOf('Billing is slow. Postgres is fine. Atlas Sync ships today.')).toEqual([
      'topic:postgres',
      'topic:atlas sync',
    ]);
  });

  it('finds lowercase technology names and merges their spellings', () => {
    expect(topicsOf('we moved from mongo to postgresql and run it on k8s')).toEqual([
      'topic:mongodb',
      'topic:postgres',
      'topic:kubernetes',
    ]);
  });

  it('does not take pronouns, weekdays, months, pleasantries or chat shorthand for topics', () => {
    expect(topicsOf('Thanks, I think The deploy on Monday in March is fine, FYI ASAP EOD.')).toEqual([]);
  });

  it('does not read a shouted sentence as acronyms', () => {
    expect(topicsOf('THE BUILD IS BROKEN AGAIN ON MAIN')).toEqual([]);
  });

  it('never takes a mention, URL, e-mail or code for a topic', () => {
    expect(topicsOf('Ping @Dan or dan@Acme.io about `Kafka Connect` at https://Acme.io/Setup')).toEqual([]);
  });

  it('resolves a phrase that is the name of the author or a mentioned person to that person', () => {
    const entities = entitiesOf('I talked to Bruno Costa and Ana about Kafka.', [BRUNO]);
    expect(entities.map((entity) => entity.key)).toEqual([`person:${ANA.id}`, `person:${BRUNO.id}`, 'topic:kafka']);
  });

  it('keeps a first name shared by two people of the message a topic, since it names neither', () => {
    const carlos = { id: 'U0CARLOS', name: 'Carla Mendes' };
    expect(keysOf('The Kafka rollout is for Carla.', [CARLA, carlos])).toContain('topic:carla');
  });

  it('names each entity once per fact', () => {
    const keys = keysOf('Postgres, Postgres and POSTGRES: #ops and #OPS, see https://acme.io and https://acme.io/', []);
    expect(keys).toEqual([...new Set(keys)]);
    expect(keys.filter((key) => key === 'topic:postgres')).toHaveLength(1);
  });
});
