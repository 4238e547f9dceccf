import type { EntityType, FactRelation, FactType, RelationType } from '@atlas/events';
import type { LocatedEntity } from './entities';
import { matchesOf } from './text-ranges';

export interface RelationInput {
  /** The fact text the entities were located in. */
  text: string;
  entities: readonly LocatedEntity[];
  type: FactType;
  /** Key of the author's person entity, when the message has an author. */
  author: string | null;
  /** Key of the person an action item is assigned to. */
  assignee: string | null;
  /** Key of the decision entity of a decision fact. */
  decision: string | null;
}

interface Cue {
  pattern: RegExp;
  type: RelationType;
  /** The source is named after the cue and the targets before it ("owned by Ana"). */
  reversed?: boolean;
  /** The source is the person the clause addresses, before the targets ("@raj OPS-12 is yours"). */
  addressee?: boolean;
  sources: readonly EntityType[];
  targets: readonly EntityType[];
}

const OWNERS: readonly EntityType[] = ['person', 'team'];
const OWNED: readonly EntityType[] = ['project', 'artifact', 'technology', 'topic'];
const USERS: readonly EntityType[] = ['project', 'team', 'topic', 'artifact'];
const DEPENDENTS: readonly EntityType[] = ['project', 'artifact', 'topic', 'team'];
const DEPENDENCIES: readonly EntityType[] = ['project', 'technology', 'artifact', 'topic'];

const CUES: readonly Cue[] = [
  {
    type: 'owns',
    pattern:
      /\b(?:owns|own|will own|(?:is|are) (?:now )?(?:the )?owners? of|(?:is|are) (?:now )?responsible for|maintains|maintain|(?:is|are) in charge of|takes? ownership of|took ownership of|i(?:'ll| will| can) take|i'm taking|tak(?:es|ing) over|took over|pick(?:s|ing)? (?:\S+ )?back up)\b/gi,
    sources: OWNERS,
    targets: OWNED,
  },
  {
    type: 'owns',
    pattern:
      /\b(?:(?:is|are) (?:now )?)?(?:owned|maintained) by\b|\bowners?\s*(?:is|are|:)|\bis now\b(?=\s+\S+['’]s\b)|\bis\b(?=\s+\S+['’]s\b)/gi,
    reversed: true,
    sources: OWNERS,
    targets: OWNED,
  },
  {
    type: 'works_on',
    pattern:
      /\b(?:working on|works? on|joins?|joined|(?:is|are|was) (?:moved|assigned) to|help(?:s|ing)? (?:out )?(?:with|on))\b/gi,
    sources: ['person', 'team'],
    targets: ['project', 'team'],
  },
  { type: 'owns', pattern: /\bassigned to\b/gi, reversed: true, sources: ['person'], targets: OWNED },
  { type: 'owns', pattern: /\b(?:is|are) (?:now )?yours\b/gi, addressee: true, sources: ['person'], targets: OWNED },
  {
    type: 'uses',
    pattern:
      /\b(?:uses|use|using|used|built on|builds on|build on|runs on|run on|running on|powered by|backed by|on top of|(?:moved?|moving|migrat(?:e|ed|es|ing)|switch(?:ed|es|ing)?) (?:over )?to|go(?:ing)? with|adopt(?:s|ed|ing)?|stick with|standardi[sz]e on|(?:is|are) (?:now )?on)\b/gi,
    sources: USERS,
    targets: ['technology'],
  },
  {
    type: 'depends_on',
    pattern:
      /\b(?:depends on|depend on|depending on|dependent on|(?:is |are )?blocked (?:by|on)|requires|require|waiting (?:on|for)|needs)\b/gi,
    sources: DEPENDENTS,
    targets: DEPENDENCIES,
  },
];
/** "move billing to Postgres": the thing moved uses the technology it moves to. */
const MOVE_X_TO =
  /\b(?:mov(?:e|ed|es|ing)|migrat(?:e|ed|es|ing)|switch(?:ed|es|ing)?|port(?:ed|s|ing)?)\s+(.{1,60}?)\s+(?:over\s+)?(?:to|onto)\s+/gi;
const FIRST_PERSON = /(?<![\p{L}'’])(?:i|i'm|i'll|i've|i'd|i am|i will)(?![\p{L}'’])/iu;
const CLAUSE_BREAK = /[.;!?](?:\s|$)|\n|\s(?:but|however|whereas)\s/gi;

/** The relations a fact states between its entities, each once. */
export function extractRelations(input: RelationInput): FactRelation[] {
  const relations: FactRelation[] = [];
  const add = (type: RelationType, source: string, target: string): void => {
    if (source === target) return;
    if (relations.some((r) => r.type === type && r.source === source && r.target === target)) return;
    relations.push({ type, source, target });
  };
  const { text, entities, author } = input;
  const clauses = clauseRanges(text);

  for (const cue of CUES) {
    for (const match of matchesOf(text, cue.pattern)) {
      const clause = clauses.find((range) => match.index >= range.start && match.index < range.end) ?? clauses[0];
      const cueEnd = match.index + match[0].length;
      const before = entities.filter((e) => e.start >= clause.start && e.end <= match.index);
      const after = entities.filter((e) => e.start >= cueEnd && e.start < clause.end);
      const [sourceSide, targetSide] = cue.reversed ? [after, before] : [before, after];
      // The subject of the clause: its first fitting entity ("Atlas is blocked by X and depends on Y").
      let source = first(sourceSide, cue.sources);
      const targets = (cue.addressee ? before : targetSide).filter((e) => cue.targets.includes(e.type));
      if (cue.type === 'uses') source = purposeOf(text, targets, entities, cue.sources) ?? source;
      if (
        !source &&
        !cue.reversed &&
        author &&
        cue.sources.includes('person') &&
        speaksOfSelf(text, clause.start, cueEnd)
      ) {
        source = entities.find((e) => e.key === author);
      }
      if (source) for (const target of targets) add(cue.type, source.key, target.key);
    }
  }
  for (const match of matchesOf(text, MOVE_X_TO)) {
    const groupStart = match.index + match[0].indexOf(match[1]);
    const moved = entities.filter((e) => e.start >= groupStart && e.end <= groupStart + match[1].length);
    const clause = clauses.find((range) => match.index >= range.start && match.index < range.end) ?? clauses[0];
    const to = entities.filter((e) => e.start >= match.index + match[0].length && e.start < clause.end);
    for (const source of moved.filter((e) => USERS.includes(e.type))) {
      for (const target of to.filter((e) => e.type === 'technology')) add('uses', source.key, target.key);
    }
  }
  if (input.assignee) {
    for (const entity of entities) if (entity.type === 'project') add('works_on', input.assignee, entity.key);
  }
  if (author) {
    if (input.decision) add('decided', author, input.decision);
    const about = entities.filter((e) => e.type !== 'person' && e.type !== 'decision');
    if (input.type === 'question') for (const entity of about) add('asked', author, entity.key);
    if (input.type === 'answer') for (const entity of about) add('answered', author, entity.key);
    for (const entity of entities) add('mentions', author, entity.key);
  }
  return relations;
}

/** "Postgres for billing": the purpose named right after the technology is what uses it. */
function purposeOf(
  text: string,
  technologies: readonly LocatedEntity[],
  entities: readonly LocatedEntity[],
  users: readonly EntityType[],
): LocatedEntity | undefined {
  for (const technology of technologies) {
    const rest = text.slice(technology.end);
    const lead = /^\s+(?:for|in|on)\s+(?:the\s+|our\s+|all\s+)?/i.exec(rest);
    if (!lead) continue;
    const at = technology.end + lead[0].length;
    const purpose = entities.find((e) => e.start === at && users.includes(e.type));
    if (purpose) return purpose;
  }
  return undefined;
}

function speaksOfSelf(text: string, from: number, to: number): boolean {
  return FIRST_PERSON.test(text.slice(from, to));
}

function first(entities: readonly LocatedEntity[], types: readonly EntityType[]): LocatedEntity | undefined {
  return entities.find((e) => types.includes(e.type));
}

function clauseRanges(text: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const match of matchesOf(text, CLAUSE_BREAK)) {
    ranges.push({ start, end: match.index + 1 });
    start = match.index + match[0].length;
  }
  ranges.push({ start, end: text.length });
  return ranges;
}
