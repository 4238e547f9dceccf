import type { RelationType } from '@atlas/events';
import type { GraphEntity, GraphRelation, WikiFact } from '../../contracts';
import { compareText } from '../../ordering';
import { compareNewestFirst, timeOf } from '../fact-order';
import { escapeMarkdown } from '../markdown';
import type { PageBuilder } from '../page-builder';
import type { PageInputs } from '../page-inputs';
import { entityLabel, noteEntities } from '../page-parts';
import type { WikiModel } from '../wiki-model';

const MAX_RELATIONS = 20;
const EVIDENCE_PER_RELATION = 3;
const MAX_MENTIONS = 12;

const VERBS: Record<RelationType, string> = {
  works_on: 'works on',
  owns: 'owns',
  decided: 'decided',
  asked: 'asked',
  answered: 'answered',
  uses: 'uses',
  depends_on: 'depends on',
  mentions: 'mentions',
};

interface ShownRelation {
  relation: GraphRelation;
  source: GraphEntity;
  target: GraphEntity;
  /** Newest first. */
  evidence: WikiFact[];
}

/** What the graph relates an entity to, with the facts that say so: gathered before rendering. */
export class EntityRelations {
  private readonly shown: ShownRelation[];

  /** `omit`: relation types the page already shows another way (a topic page's People are its mentions). */
  constructor(
    private readonly model: WikiModel,
    private readonly entity: GraphEntity,
    omit: readonly RelationType[] = [],
  ) {
    this.shown = relationsOf(model, entity).filter((shown) => !omit.includes(shown.relation.type));
  }

  addInputs(inputs: PageInputs): void {
    inputs.addRelations(this.shown.map((shown) => shown.relation));
    for (const shown of this.shown) inputs.addFacts(shown.evidence.slice(0, EVIDENCE_PER_RELATION));
    noteEntities(
      inputs,
      this.model,
      this.shown.flatMap((shown) => [shown.source, shown.target]),
    );
  }

  /**
   * The "Relations" section, when there are any: what the graph says the entity does or is done to,
   * one line each, then whom and what it mentions and who mentions it, each on one line. A mention
   * of what a stronger relation already joins ("decided" a decision) is not repeated.
   */
  render(page: PageBuilder): void {
    if (this.shown.length === 0) return;
    const pair = (shown: ShownRelation) => `${shown.source.id}>${shown.target.id}`;
    const stated = this.shown.filter((shown) => shown.relation.type !== 'mentions');
    const joined = new Set(stated.map(pair));
    const mentions = this.shown.filter((shown) => shown.relation.type === 'mentions' && !joined.has(pair(shown)));
    const name = (other: GraphEntity) =>
      other.id === this.entity.id ? `**${escapeMarkdown(other.name)}**` : entityLabel(this.model, other);
    const cite = (shown: ShownRelation) => page.citeAll(shown.evidence.slice(0, EVIDENCE_PER_RELATION));
    const items = stated
      .slice(0, MAX_RELATIONS)
      .map((shown) => `${name(shown.source)} ${VERBS[shown.relation.type]} ${name(shown.target)} ${cite(shown)}`);
    const outgoing = mentions.filter((shown) => shown.source.id === this.entity.id);
    const incoming = mentions.filter((shown) => shown.source.id !== this.entity.id);
    if (outgoing.length > 0)
      items.push(
        `${name(this.entity)} mentions ${mentionList(outgoing, (shown) => `${name(shown.target)} ${cite(shown)}`)}`,
      );
    if (incoming.length > 0)
      items.push(`Mentioned by ${mentionList(incoming, (shown) => `${name(shown.source)} ${cite(shown)}`)}`);
    page.heading(2, 'Relations');
    page.list(items);
  }
}

/** "A [1], B [2] and 3 more": the best evidenced first. */
function mentionList(mentions: readonly ShownRelation[], item: (shown: ShownRelation) => string): string {
  const shown = mentions.slice(0, MAX_MENTIONS).map(item);
  const more = mentions.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** "Technology. Also called: pg, postgresql." */
export function entityKindLine(entity: GraphEntity): string {
  const kind = entity.type === 'artifact' && entity.kind !== null ? ` (${entity.kind})` : '';
  const aliases = entity.aliases.length > 0 ? ` Also called: ${entity.aliases.map(escapeMarkdown).join(', ')}.` : '';
  return `${entity.type.charAt(0).toUpperCase()}${entity.type.slice(1)}${kind}.${aliases}`;
}

/** The entity's relations whose evidence is among the current facts, best evidenced first. */
function relationsOf(model: WikiModel, entity: GraphEntity): ShownRelation[] {
  const { index } = model;
  return index
    .relationsOf(entity.id)
    .flatMap((relation): ShownRelation[] => {
      const source = index.entity(relation.source_id);
      const target = index.entity(relation.target_id);
      const evidence = relation.fact_ids.flatMap((id) => index.fact(id) ?? []).sort(compareNewestFirst);
      return source && target && evidence.length > 0 ? [{ relation, source, target, evidence }] : [];
    })
    .sort(
      (a, b) =>
        b.evidence.length - a.evidence.length ||
        timeOf(b.evidence[0].source.timestamp) - timeOf(a.evidence[0].source.timestamp) ||
        compareText(a.relation.id, b.relation.id),
    );
}
