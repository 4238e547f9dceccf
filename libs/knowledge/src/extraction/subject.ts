import type { EntityType, FactRelation, FactType } from '@atlas/events';
import type { DueDate } from './due-date';
import type { LocatedEntity } from './entities';

export interface SubjectInput {
  unit: string;
  type: FactType;
  entities: readonly LocatedEntity[];
  relations: readonly FactRelation[];
  rootId: string;
  assignee: string | null;
  due: DueDate | null;
}

export interface Schedule {
  /** The single-valued slot the fact sets; a later fact on the same slot supersedes it. */
  subject: string | null;
  due_at: string | null;
}

/** Words that make a date in the sentence a deadline or a launch day rather than a passing mention. */
const DEADLINE_CUE =
  /\b(?:deadline|due|eta|by|until|before|no later than|moved?|moving|pushed|pushing|postponed?|delayed?|slipp?(?:ed|ing|s)?|resched\w*|launch\w*|ship\w*|releas\w*|go(?:es|ing)? live|cutover|freeze|target\w*|planned|scheduled|deliver\w*)\b/i;
/** What a deadline is most likely about, in order: the project before an artifact before a topic. */
const DEADLINE_THINGS: readonly EntityType[] = ['project', 'artifact', 'topic', 'technology', 'team'];
/** A choice that replaces an earlier one for the same thing ("use Postgres for billing"). */
const CHOICE =
  /\b(?:use|using|go(?:ing)? with|switch(?:ing)? to|mov(?:e|ing) to|migrat(?:e|ing) to|adopt|stick with|standardi[sz]e on|settled on|replace)\b/i;

/** Whether a date in the text would be a date the fact sets: parse dates only then. */
export function mayDate(unit: string, type: FactType): boolean {
  return DATED_TYPES.has(type) || DEADLINE_CUE.test(unit);
}

const DATED_TYPES: ReadonlySet<FactType> = new Set(['action_item', 'announcement', 'decision']);

/**
 * The subject slot of a fact and the date it sets. In order: an owned action item (or a request
 * asked of someone) is a task of its thread; a dated statement sets the deadline of what it is about; a stated ownership sets the
 * owner; a choice sets the decision for the thing it is made for.
 */
export function scheduleOf(input: SubjectInput): Schedule {
  const { type, entities, relations, due } = input;
  const dated = due !== null && mayDate(input.unit, type);
  const due_at = dated ? due.date : null;
  // A request asked as a question opens the task its "yes" takes on: both carry the thread's task subject.
  if ((type === 'action_item' || type === 'question') && input.assignee)
    return { subject: `task:${input.rootId}:${input.assignee}`, due_at };
  // "please add estimates to the Scheduled Reports tickets by Monday": a task's date is the task's, not the
  // deadline of the project it names.
  const asked = /\b(?:please|pls|plz|can you|could you|would you)\b/i.test(input.unit);
  const taskDate = (type === 'action_item' || type === 'question') && asked;
  if (dated && !taskDate) {
    for (const thingType of DEADLINE_THINGS) {
      const thing = entities.find((entity) => entity.type === thingType && entity.start >= 0 && entity.kind !== 'link');
      if (thing) return { subject: `deadline:${thing.key}`, due_at };
    }
  }
  const owns = relations.find((relation) => relation.type === 'owns');
  if (owns) return { subject: `owner:${owns.target}`, due_at };
  if (type === 'decision' && CHOICE.test(input.unit)) {
    const user = relations.find((relation) => relation.type === 'uses');
    if (user) return { subject: `decision:${user.source}`, due_at };
  }
  return { subject: null, due_at };
}
