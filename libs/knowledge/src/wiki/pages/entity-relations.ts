import type { RelationType } from '@atlas/events';
import type { GraphEntity, GraphRelation, WikiFact } from '../../contracts';
import { compareText } from '../../ordering';
import { compareNewestFirst, timeOf } from '../fact-order';
import { escapeMarkdown } from '../markdown';
import type { PageBuilder } from '../page-builder';
import type { PageInputs } from '../page-inputs';
import { cappedList, entityLabel, noteEntities } from '../page-parts';
import type { WikiModel } from '../wiki-model';

const MAX_RELATIONS = 20;
const EVIDENCE_PER_RELATION = 3;

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

  /** The "Relations" section, when there are any. */
  render(page: PageBuilder): void {
    if (this.shown.length === 0) return;
    page.heading(2, 'Relations');
    cappedList(page, this.shown, { limit: MAX_RELATIONS }, ({ relation, source, target, evidence }) => {
      const name = (other: GraphEntity) =>
        other.id === this.entity.id ? `**${escapeMarkdown(other.name)}**` : entityLabel(this.model, other);
      return `${name(source)} ${VERBS[relation.type]} ${name(target)} ${page.citeAll(evidence.slice(0, EVIDENCE_PER_RELATION))}`;
    });
  }
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
