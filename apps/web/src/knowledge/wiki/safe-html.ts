import DOMPurify from 'dompurify';

/**
 * The server renders wiki Markdown with raw HTML escaped (libs/gateway/src/knowledge/wiki-markdown.ts); the page
 * still passes it through DOMPurify before it reaches the DOM, so a bug or an older server cannot inject script.
 * Links out of the page open in a new tab without handing it this window.
 */
let purifier: ReturnType<typeof DOMPurify> | null = null;

function instance(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = node.getAttribute('href') ?? '';
    if (href.startsWith('#')) return;
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  });
  return purifier;
}

export function safeWikiHtml(html: string): string {
  return instance().sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input'] });
}
