import type { ArtifactKind, EntityType, Fact } from '@atlas/events';

/** Every name and fact a batch gives one fact entity key. */
export interface MentionTally {
  key: string;
  type: EntityType;
  kind: ArtifactKind | null;
  nameCounts: Map<string, number>;
  factIds: Set<string>;
}

/** By key; the first fact (in the order given) naming a key decides its type and kind. */
export function tallyMentions(facts: readonly Fact[]): Map<string, MentionTally> {
  const tallies = new Map<string, MentionTally>();
  for (const fact of facts) {
    for (const entity of fact.entities) {
      let tally = tallies.get(entity.key);
      if (!tally) {
        tally = { key: entity.key, type: entity.type, kind: entity.kind, nameCounts: new Map(), factIds: new Set() };
        tallies.set(entity.key, tally);
      }
      tally.nameCounts.set(entity.name, (tally.nameCounts.get(entity.name) ?? 0) + 1);
      tally.factIds.add(fact.id);
    }
  }
  return tallies;
}
