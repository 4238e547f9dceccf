import type { EntityType, NormalizedMessage } from '@atlas/events';
import { extractFactEntities } from './entities';
import type { Gazetteer } from './gazetteer';
import { prepareMessageText } from './message-text';

/** What an "it" can stand for: things, never people or decisions. */
const THING_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['technology', 'project', 'topic', 'artifact']);

const named = new WeakMap<NormalizedMessage, string | null>();

/**
 * The one thing a message names, when it names exactly one ("how do I install compiz?" → compiz): what an
 * "it" in a reply to that message stands for with confidence. Null when it names none or several.
 */
export function soleNamedThing(
  message: NormalizedMessage,
  gazetteer: Gazetteer,
  knownProjects: ReadonlySet<string>,
): string | null {
  if (!named.has(message)) {
    const text = prepareMessageText(message.text);
    const things = extractFactEntities(text, message, [], gazetteer, { knownProjects, withPurpose: false }).filter(
      (entity) => THING_TYPES.has(entity.type) && !(entity.type === 'artifact' && entity.kind === 'link'),
    );
    const keys = new Set(things.map((thing) => thing.key));
    named.set(message, keys.size === 1 ? things[0].name : null);
  }
  return named.get(message)!;
}

/**
 * "kizza can probably get it using apt-get" in reply to "how do I install compiz?" → "kizza can probably
 * get compiz using apt-get". Every "it" of the text stands for the thing; "it's" and "its" keep their grammar.
 */
export function withItResolved(text: string, thing: string): string {
  return text
    .replace(/\bit(?:'s|’s)(?=\s+(?:been|got)\b)/gi, `${thing} has`)
    .replace(/\bit(?:'s|’s)/gi, `${thing} is`)
    .replace(/\bits\b/gi, `${thing}'s`)
    .replace(/\bit\b/gi, thing);
}
