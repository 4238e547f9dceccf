import type { PeopleOfBatch } from './people-of-batch';
import { entityNamed, type NamedEntity } from './named-entities';

/** The owner a model's fact names, resolved against the fact's entities and the batch's people. */
export interface AnswerOwner {
  /** As the answer wrote it. */
  name: string;
  /** `person:<id>` of someone the batch knows; null for a team, or for a name nobody answers to. */
  key: string | null;
  /**
   * Someone or something that can own work: a person of the batch, or a person or team among the
   * fact's entities. An action item whose owner is not known has no owner (fact-checks.ts).
   */
  known: boolean;
}

/**
 * The fact's `owner` as the answer gives it (a name or an id from "people"), or null when it gives
 * none. A person is looked up among the fact's own entities first (the answer may have named them
 * with an id there), then among the batch's people by id, name, alias or unique first name. A name
 * nobody answers to stays unresolved: an owner is never invented.
 */
export function ownerOfAnswer(
  owner: string | null | undefined,
  named: readonly NamedEntity[],
  people: PeopleOfBatch,
): AnswerOwner | null {
  const name = owner?.trim() ?? '';
  if (name === '') return null;
  const entity = entityNamed(named, name)?.entity;
  if (entity?.type === 'person') return { name, key: entity.key, known: true };
  if (entity?.type === 'team') return { name, key: null, known: true };
  const person = people.resolve(name, name);
  return person ? { name, key: `person:${person.id}`, known: true } : { name, key: null, known: false };
}
