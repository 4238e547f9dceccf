import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { knowledgePaths } from '../paths';
import type { EntityDetail } from '../types';
import { graphElements } from './graph-elements';
import { graphStyle, watchTheme } from './graph-style';

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
    let stop = () => {};
    // Loaded here, not at the top: cytoscape is a chunk of its own, fetched when an entity page opens.
    import('cytoscape').then(({ default: cytoscape }) => {
      claimCytoscapeStylesheet();
      const element = container.current;
      if (destroyed || !element) return;
      const cy = cytoscape({
        container: element,
        elements: [...elements.nodes, ...elements.edges],
        style: graphStyle(element),
        layout: {
          name: 'concentric',
          concentric: (node) => (node.data('center') ? 2 : 1),
          levelWidth: () => 1,
          minNodeSpacing: 30,
        },
        wheelSensitivity: 0.3,
      });
      cy.on('tap', 'node', (event) => {
        const id = event.target.id() as string;
        if (id !== detail.entity.id) navigate(knowledgePaths.entity(id, channelId));
      });
      cy.on('mouseover', 'node', () => element.classList.add('kn-graph-pointer'));
      cy.on('mouseout', 'node', () => element.classList.remove('kn-graph-pointer'));
      const unwatch = watchTheme(() => cy.style(graphStyle(element)));
      stop = () => {
        unwatch();
        cy.destroy();
      };
      setDrawn(cy.nodes().length);
    });
    return () => {
      destroyed = true;
      stop();
    };
    // Redrawn for another entity only: `elements` is derived from `detail`.
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
          : `${detail.entity.name} and the ${neighbours} entit${neighbours === 1 ? 'y' : 'ies'} most strongly related to it: click one to open it, or use the table of relations.`}
      </figcaption>
    </figure>
  );
}

/**
 * cytoscape adds a <style> element for its container's `position: relative` unless an element with its id
 * exists; the Content Security Policy refuses inline styles, so a placeholder takes the id and
 * knowledge.css holds the rule.
 */
function claimCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  document.head.appendChild(placeholder);
}
