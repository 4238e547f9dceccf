import { stableHash } from '@atlas/common';
import type { Fact, NormalizedMessage, WikiPage } from '@atlas/events';
import { CitationRegistry } from './citations';
import { autolink, escapeMarkdown, formatUtcTime } from './markdown';
import { WIKI_TEMPLATE_VERSION } from './template-version';

export interface PageHeader {
  channelId: string;
  slug: string;
  title: string;
  /** Hash of what the page is written from, computed before it is. */
  inputsHash: string;
}

/**
 * Writes one page: blocks of Markdown whose statements cite facts as [n], then the Sources list
 * those numbers resolve to. Callers escape chat text; headings are escaped here.
 */
export class PageBuilder {
  private readonly blocks: string[] = [];
  private readonly citations: CitationRegistry;

  constructor(
    private readonly header: PageHeader,
    messages: ReadonlyMap<string, NormalizedMessage>,
  ) {
    this.citations = new CitationRegistry(messages);
    this.blocks.push(`# ${escapeMarkdown(header.title)}`);
  }

  /** "[n]" for the fact's source message, numbering it on first use. */
  cite(fact: Fact): string {
    return `[${this.citations.numberFor(fact)}]`;
  }

  /** "[n]" for a message quoted without a fact of its own. */
  citeMessage(message: NormalizedMessage): string {
    return `[${this.citations.numberForMessage(message)}]`;
  }

  /** "[n][m]" for several facts, each source once, in order. */
  citeAll(facts: readonly Fact[]): string {
    return [...new Set(facts.map((fact) => this.cite(fact)))].join('');
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
      channel_id: this.header.channelId,
      slug: this.header.slug,
      title: this.header.title,
      markdown,
      citations,
      content_hash: stableHash(markdown, JSON.stringify(citations), WIKI_TEMPLATE_VERSION),
      inputs_hash: this.header.inputsHash,
      template_version: WIKI_TEMPLATE_VERSION,
    };
  }
}
