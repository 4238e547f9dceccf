import type { EntityType, FactEntity } from '@atlas/events';

/** What an "it" can stand for: things, never people or decisions. */
const THING_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['technology', 'project', 'topic', 'artifact']);

/** The name of the one thing among the entities, or null when they name none or several. */
export function soleThingOf(entities: readonly FactEntity[]): string | null {
  const things = entities.filter(
    (entity) => THING_TYPES.has(entity.type) && !(entity.type === 'artifact' && entity.kind === 'link'),
  );
  return new Set(things.map((thing) => thing.key)).size === 1 ? things[0].name : null;
}

/**
 * "kizza can probably get it using apt-get" in reply to "how do I install compiz?" → "kizza can probably
 * get compiz using apt-get". Every "it" of the text stands for the thing; "it's" and "its" keep their grammar.
 */
export function withItResolved(text: string, thing: string): string {
  return text
    .replace(/\bit(?:'ll|’ll)/gi, `${thing} will`)
    .replace(/\bit(?:'d|’d)/gi, `${thing} would`)
    .replace(/\bit(?:'s|’s)(?=\s+(?:been|got)\b)/gi, `${thing} has`)
    .replace(/\bit(?:'s|’s)(?!\s+(?:likely|possible|easy|hard|better|best|worth|time|a good idea)\b)/gi, `${thing} is`)
    .replace(/\bits\b/gi, `${thing}'s`)
    .replace(DUMMY_OR_IT, (match) => (match.toLowerCase() === 'it' ? thing : match));
}

/** "it looks like it's gone": the first "it" stands for nothing and stays. */
const DUMMY_OR_IT = /\bit\s+(?:looks|seems|seemed|appears|turns out|depends)\b|\bit\b/gi;
