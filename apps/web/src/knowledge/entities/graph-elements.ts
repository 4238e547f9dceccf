import type { EntityDetail } from '../types';

/** How many neighbours the graph draws: the strongest relations; the list below the graph has them all. */
export const MAX_NEIGHBOURS = 30;

export interface GraphElements {
  nodes: { data: { id: string; label: string; type: string; center: boolean } }[];
  edges: { data: { id: string; source: string; target: string; label: string } }[];
}

/** The entity, its strongest neighbours and the relations between it and them, as cytoscape elements. */
export function graphElements({ entity, relations }: EntityDetail): GraphElements {
  const shown = new Map<string, { name: string; type: string }>();
  for (const relation of relations) {
    if (relation.other.id === entity.id || shown.size >= MAX_NEIGHBOURS) continue;
    shown.set(relation.other.id, { name: relation.other.name ?? relation.other.id, type: relation.other.type ?? '' });
  }
  const nodes = [
    { data: { id: entity.id, label: entity.name, type: entity.type, center: true } },
    ...[...shown].map(([id, other]) => ({ data: { id, label: other.name, type: other.type, center: false } })),
  ];
  const edges = relations
    .filter((relation) => shown.has(relation.other.id))
    .map((relation) => ({
      data: {
        id: relation.id,
        source: relation.direction === 'outgoing' ? entity.id : relation.other.id,
        target: relation.direction === 'outgoing' ? relation.other.id : entity.id,
        label: relation.type.replace(/_/g, ' '),
      },
    }));
  return { nodes, edges };
}
