import type { StylesheetJson } from 'cytoscape';

/** A colour of the app's palette (styles.css custom properties), read where the graph is drawn. */
function cssColor(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

/** The graph's look in the palette the element shows now (light or dark). */
export function graphStyle(element: Element): StylesheetJson {
  const text = cssColor(element, '--text', '#1b1f24');
  const accent = cssColor(element, '--accent', '#0b5cad');
  const muted = cssColor(element, '--muted', '#4f5862');
  const surface = cssColor(element, '--surface', '#ffffff');
  const labels = { color: text, 'text-background-color': surface, 'text-background-opacity': 0.8 } as const;
  return [
    {
      selector: 'node',
      style: {
        ...labels,
        label: 'data(label)',
        'background-color': muted,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        width: 18,
        height: 18,
      },
    },
    { selector: 'node[?center]', style: { 'background-color': accent, width: 28, height: 28 } },
    {
      selector: 'edge',
      style: {
        ...labels,
        width: 1.5,
        'line-color': muted,
        'target-arrow-color': muted,
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 9,
        'text-rotation': 'autorotate',
      },
    },
  ];
}

/**
 * Calls `onChange` when the app's palette may have changed: the theme toggle (data-theme on <html>) or the
 * system's colour scheme. Returns the function that stops watching.
 */
export function watchTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
  scheme?.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    scheme?.removeEventListener('change', onChange);
  };
}
