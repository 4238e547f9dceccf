import MarkdownIt from 'markdown-it';
import { citationLinks } from './citation-links';
import { sectionIds } from './section-anchors';

let renderer: InstanceType<typeof MarkdownIt> | null = null;

/**
 * A wiki page's Markdown as HTML. Pages quote chat text, so raw HTML in the Markdown is shown as text, never
 * passed through; bare URLs become links, and markdown-it's link check drops javascript: and similar URLs.
 * Each citation "[n]" links to its entry of the Sources list; each section heading has its anchor (section-anchors.ts).
 */
export function renderWikiMarkdown(markdown: string): string {
  renderer ??= new MarkdownIt({ html: false, linkify: true, typographer: false }).use(citationLinks).use(sectionIds);
  return renderer.render(markdown);
}
