import { stableId } from '@atlas/common';
import type { EntityType, EntityUpsert, Fact } from '@atlas/events';
import { normalizeName, rankNamesByUse } from '../names';
import { compareText } from '../ordering';
import { PersonNameIndex } from './person-names';

interface EntityTally {
  key: string;
  type: EntityType;
  nameCounts: Map<string, number>;
  factIds: Set<string>;
}

export interface MergedEntities {
  entities: EntityUpsert[];
  /** The entity id a fact entity key ended up in (a topic merged into a person takes the person's). */
  idOfKey: (key: string) => string;
}

/**
 * One entity per normalized key across the facts; a topic whose name is a person's name or alias
 * in the same facts is merged into that person.
 */
export function mergeEntities(facts: readonly Fact[], channelId: string): MergedEntities {
  const tallies = tallyByKey(facts);
  const mergedInto = mergeTopicsIntoPeople(tallies);
  const entities = [...tallies.values()]
    .map((tally) => toUpsert(tally, channelId))
    .sort((a, b) => compareText(a.key, b.key));
  const ids = new Map(entities.map((entity) => [entity.key, entity.id]));
  return { entities, idOfKey: (key) => ids.get(mergedInto.get(key) ?? key) ?? stableId('ent', key) };
}

function tallyByKey(facts: readonly Fact[]): Map<string, EntityTally> {
  const tallies = new Map<string, EntityTally>();
  for (const fact of facts) {
    for (const entity of fact.entities) {
      let tally = tallies.get(entity.key);
      if (!tally) {
        tally = { key: entity.key, type: entity.type, nameCounts: new Map(), factIds: new Set() };
        tallies.set(entity.key, tally);
      }
      tally.nameCounts.set(entity.name, (tally.nameCounts.get(entity.name) ?? 0) + 1);
      tally.factIds.add(fact.id);
    }
  }
  return tallies;
}

/** Removes the merged topics from the tallies; returns topic key → person key. */
function mergeTopicsIntoPeople(tallies: Map<string, EntityTally>): Map<string, string> {
  const people = [...tallies.values()].filter((tally) => tally.type === 'person');
  const index = new PersonNameIndex(
    people.map((person) => ({ key: person.key, names: [...person.nameCounts.keys()] })),
  );
  const mergedInto = new Map<string, string>();
  for (const topic of [...tallies.values()].filter((tally) => tally.type === 'topic')) {
    const owners = new Set([...topic.nameCounts.keys()].map((name) => index.personCalled(name)));
    const personKey = owners.size === 1 ? [...owners][0] : null;
    const person = personKey === null ? undefined : tallies.get(personKey);
    if (!person) continue;
    for (const [name, count] of topic.nameCounts)
      person.nameCounts.set(name, (person.nameCounts.get(name) ?? 0) + count);
    topic.factIds.forEach((id) => person.factIds.add(id));
    tallies.delete(topic.key);
    mergedInto.set(topic.key, person.key);
  }
  return mergedInto;
}

function toUpsert(tally: EntityTally, channelId: string): EntityUpsert {
  const [name, ...others] = rankNamesByUse(tally.nameCounts);
  const seen = new Set([normalizeName(name)]);
  // "postgres" is the same alias as "Postgres": aliases differ by more than case and spacing.
  const aliases = others.filter((alias) => {
    const normalized = normalizeName(alias);
    if (seen.has(normalized)) return false;
    seen.add(normalized);
    return true;
  });
  return {
    id: stableId('ent', tally.key),
    key: tally.key,
    name,
    type: tally.type,
    aliases: aliases.sort(compareText),
    channel_id: channelId,
    fact_ids: [...tally.factIds].sort(compareText),
  };
}
