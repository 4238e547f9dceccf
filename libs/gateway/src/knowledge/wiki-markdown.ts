import MarkdownIt from 'markdown-it';

let renderer: InstanceType<typeof MarkdownIt> | null = null;

/**
 * A wiki page's Markdown as HTML. Pages quote chat text, so raw HTML in the Markdown is shown as text, never
 * passed through; bare URLs become links, and markdown-it's link check drops javascript: and similar URLs.
 */
export function renderWikiMarkdown(markdown: string): string {
  renderer ??= new MarkdownIt({ html: false, linkify: true, typographer: false });
  return renderer.render(markdown);
}
