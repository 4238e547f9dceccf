import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { knowledgePaths } from '../paths';
import type { EntityDetail } from '../types';
import { graphElements } from './graph-elements';

/** A colour of the app's palette (styles.css custom properties), so the graph follows light and dark. */
function cssColor(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

/**
 * The entity's neighbourhood drawn with cytoscape.js: the entity in the middle, its strongest relations
 * around it; a click on a neighbour opens its page. The canvas is for the eye only: the relations list
 * beside it holds the same links for keyboards and screen readers.
 */
export function EntityGraph({ detail, channelId }: { detail: EntityDetail; channelId?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const [drawn, setDrawn] = useState(0);
  const elements = graphElements(detail);

  useEffect(() => {
    let destroyed = false;
    let graph: { destroy(): void } | null = null;
    import('cytoscape').then(({ default: cytoscape }) => {
      const element = container.current;
      if (destroyed || !element) return;
      const text = cssColor(element, '--text', '#1a1a1a');
      const accent = cssColor(element, '--accent', '#2456c6');
      const muted = cssColor(element, '--muted', '#666');
      const surface = cssColor(element, '--surface', '#fff');
      const cy = cytoscape({
        container: element,
        elements: [...elements.nodes, ...elements.edges],
        layout: {
          name: 'concentric',
          concentric: (node) => (node.data('center') ? 2 : 1),
          levelWidth: () => 1,
          minNodeSpacing: 30,
        },
        style: [
          {
            selector: 'node',
            style: {
              label: 'data(label)',
              color: text,
              'background-color': muted,
              'font-size': 11,
              'text-valign': 'bottom',
              'text-margin-y': 4,
              'text-background-color': surface,
              'text-background-opacity': 0.8,
              width: 18,
              height: 18,
            },
          },
          { selector: 'node[?center]', style: { 'background-color': accent, width: 28, height: 28 } },
          {
            selector: 'edge',
            style: {
              width: 1.5,
              'line-color': muted,
              'target-arrow-color': muted,
              'target-arrow-shape': 'triangle',
              'curve-style': 'bezier',
              label: 'data(label)',
              'font-size': 9,
              color: text,
              'text-rotation': 'autorotate',
              'text-background-color': surface,
              'text-background-opacity': 0.8,
            },
          },
        ],
        wheelSensitivity: 0.3,
      });
      cy.on('tap', 'node', (event) => {
        const id = event.target.id() as string;
        if (id !== detail.entity.id) navigate(knowledgePaths.entity(id, channelId));
      });
      cy.on('mouseover', 'node', () => element.classList.add('kn-graph-pointer'));
      cy.on('mouseout', 'node', () => element.classList.remove('kn-graph-pointer'));
      graph = cy;
      setDrawn(cy.nodes().length);
    });
    return () => {
      destroyed = true;
      graph?.destroy();
    };
    // Redrawn for another entity only: `elements` is derived from `detail`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail, channelId]);

  const neighbours = elements.nodes.length - 1;
  return (
    <figure className="kn-graph-figure">
      <div
        ref={container}
        className="kn-graph"
        role="img"
        aria-label={`Graph of ${detail.entity.name} and ${neighbours} related entit${neighbours === 1 ? 'y' : 'ies'}`}
        data-nodes={drawn}
      />
      <figcaption className="kn-muted kn-small">
        {neighbours === 0
          ? 'No relations yet.'
          : `${detail.entity.name} and its ${neighbours} strongest relation${neighbours === 1 ? '' : 's'}: click an entity to open it, or use the list of relations.`}
      </figcaption>
    </figure>
  );
}
