import type { FactEntity } from '@atlas/events';
import { normalizeName } from '../names';

/** A fact entity as the answer named it: its key, or null for a person nobody knows (left out of the fact). */
export interface NamedEntity {
  answerName: string;
  entity: FactEntity | null;
}

/**
 * The entity of the fact an answer names elsewhere in the fact (a relation end, a subject, an owner):
 * by the exact name first, else by its normalized name; undefined when the fact lists none by that name.
 */
export function entityNamed(named: readonly NamedEntity[], name: string): NamedEntity | undefined {
  return (
    named.find((entity) => entity.answerName === name.trim()) ??
    named.find((entity) => normalizeName(entity.answerName) === normalizeName(name))
  );
}
