import type { FactType } from '@atlas/events';
import { ANA, BRUNO, CARLA, chatMessage } from '../testing/chat-messages';
import { extractFactEntities } from './entities';
import { Gazetteer } from './gazetteer';
import { extractRelations } from './relations';

const people = new Gazetteer([
  { id: ANA.id, name: ANA.name, aliases: [] },
  { id: BRUNO.id, name: BRUNO.name, aliases: [] },
  { id: CARLA.id, name: CARLA.name, aliases: [] },
]);

function relationsOf(
  text: string,
  type: FactType = 'observation',
  extra: { assignee?: string; decision?: string } = {},
) {
  const message = chatMessage({ id: '1', text });
  const options = { knownProjects: new Set<string>(), withPurpose: type === 'decision' };
  const entities = extractFactEntities(text, message, [], people.forMessage(message), options);
  return extractRelations({
    text,
    entities,
    type,
    author: `person:${ANA.id}`,
    assignee: extra.assignee ?? null,
    decision: extra.decision ?? null,
  })
    .filter((relation) => relation.type !== 'mentions')
    .map((relation) => `${relation.source} ${relation.type} ${relation.target}`);
}

describe('extractRelations', () => {
  it('reads ownership both ways', () => {
    expect(relationsOf('The platform team owns https://github.com/acme/billing')).toEqual([
      'team:platform owns artifact:repo:github.com/acme/billing',
    ]);
    expect(relationsOf('OPS-142 is owned by Carla')).toEqual([`person:${CARLA.id} owns artifact:ticket:ops-142`]);
    expect(relationsOf("I'll take OPS-142")).toEqual([`person:${ANA.id} owns artifact:ticket:ops-142`]);
  });

  it('reads who works on a project', () => {
    expect(relationsOf('Bruno is working on Project Atlas')).toEqual([`person:${BRUNO.id} works_on project:atlas`]);
  });

  it('reads what uses a technology, including the purpose of a choice', () => {
    expect(relationsOf('Project Atlas runs on Kafka')).toEqual(['project:atlas uses technology:kafka']);
    expect(
      relationsOf("We'll use Postgres for billing", 'decision', { decision: 'decision:use postgres for billing' }),
    ).toEqual(['topic:billing uses technology:postgres', `person:${ANA.id} decided decision:use postgres for billing`]);
  });

  it('reads dependencies', () => {
    expect(relationsOf('Project Atlas is blocked by OPS-142 and depends on Kafka')).toEqual([
      'project:atlas depends_on artifact:ticket:ops-142',
      'project:atlas depends_on technology:kafka',
    ]);
  });

  it('relates the asker and the answerer to what they ask and answer about', () => {
    expect(relationsOf('Does Project Atlas use Kafka?', 'question')).toEqual([
      'project:atlas uses technology:kafka',
      `person:${ANA.id} asked project:atlas`,
      `person:${ANA.id} asked technology:kafka`,
    ]);
    expect(relationsOf('yes, Kafka', 'answer')).toEqual([`person:${ANA.id} answered technology:kafka`]);
  });

  it('relates the author to every other entity by mentions', () => {
    const message = chatMessage({ id: '1', text: 'Kafka and Bruno' });
    const entities = extractFactEntities(message.text, message, [], people.forMessage(message), {
      knownProjects: new Set(),
      withPurpose: false,
    });
    const relations = extractRelations({
      text: message.text,
      entities,
      type: 'observation',
      author: `person:${ANA.id}`,
      assignee: null,
      decision: null,
    });
    expect(relations).toEqual([
      { type: 'mentions', source: `person:${ANA.id}`, target: 'technology:kafka' },
      { type: 'mentions', source: `person:${ANA.id}`, target: `person:${BRUNO.id}` },
    ]);
  });
});
