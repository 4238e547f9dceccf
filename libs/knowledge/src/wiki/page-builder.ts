import { stableHash } from '@atlas/common';
import type { Fact, NormalizedMessage, WikiPage } from '@atlas/events';
import { CitationRegistry } from './citations';
import { autolink, escapeMarkdown, formatUtcTime } from './markdown';
import { WIKI_TEMPLATE_VERSION } from './template-version';

/**
 * Writes one page: blocks of Markdown whose statements cite facts as [n], then the Sources list
 * those numbers resolve to. Callers escape chat text; headings are escaped here.
 */
export class PageBuilder {
  private readonly blocks: string[] = [];
  private readonly citations: CitationRegistry;

  constructor(
    private readonly channelId: string,
    private readonly slug: string,
    private readonly title: string,
    messages: ReadonlyMap<string, NormalizedMessage>,
  ) {
    this.citations = new CitationRegistry(messages);
    this.blocks.push(`# ${escapeMarkdown(title)}`);
  }

  /** "[n]" for the fact's source message, numbering it on first use. */
  cite(fact: Fact): string {
    return `[${this.citations.numberFor(fact)}]`;
  }

  heading(level: 2 | 3, text: string): void {
    this.blocks.push(`${'#'.repeat(level)} ${escapeMarkdown(text)}`);
  }

  paragraph(markdown: string): void {
    this.blocks.push(markdown);
  }

  list(items: readonly string[]): void {
    if (items.length > 0) this.blocks.push(items.map((item) => `- ${item}`).join('\n'));
  }

  build(): WikiPage {
    const citations = this.citations.all();
    const sources = citations.map((citation) => {
      const author = escapeMarkdown(citation.author_name ?? 'Unknown author');
      const link = autolink(citation.permalink);
      return `- [${citation.n}] ${author}, ${formatUtcTime(citation.timestamp)}: “${escapeMarkdown(citation.excerpt)}”${link ? ` ${link}` : ''}`;
    });
    const markdown = `${[...this.blocks, '## Sources', sources.length > 0 ? sources.join('\n') : 'No sources.'].join('\n\n')}\n`;
    return {
      channel_id: this.channelId,
      slug: this.slug,
      title: this.title,
      markdown,
      citations,
      content_hash: stableHash(markdown, JSON.stringify(citations), WIKI_TEMPLATE_VERSION),
      template_version: WIKI_TEMPLATE_VERSION,
    };
  }
}
