import type { Fact } from '@atlas/events';
import type { ChannelDigest, RelatedEntity } from './channel-digest';
import { escapeMarkdown, formatUtcDate, shorten } from './markdown';
import type { PageBuilder } from './page-builder';

/** Keeps a run-on message readable in a list; the Sources excerpt and permalink lead to the rest. */
const MAX_FACT_TEXT = 300;

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function channelLabel(name: string): string {
  return `#${name.replace(/^#+/, '')}`;
}

/** "<fact text> — <author>, <date> [n]" */
function factItem(page: PageBuilder, digest: ChannelDigest, fact: Fact): string {
  const text = escapeMarkdown(shorten(fact.text, MAX_FACT_TEXT));
  return `${text} — ${escapeMarkdown(digest.authorName(fact))}, ${formatUtcDate(fact.source.timestamp)} ${page.cite(fact)}`;
}

export interface FactListOptions {
  limit: number;
  /** Shown instead of an empty list; nothing when absent. */
  none?: string;
  /** Where the facts beyond the limit can be read, e.g. " on the Decisions page". */
  whereMore?: string;
}

/** The first `limit` facts as a list, ending with "…and N more" when some were cut. */
export function factList(
  page: PageBuilder,
  digest: ChannelDigest,
  facts: readonly Fact[],
  options: FactListOptions,
): void {
  if (facts.length === 0) {
    if (options.none !== undefined) page.paragraph(options.none);
    return;
  }
  const items = facts.slice(0, options.limit).map((fact) => factItem(page, digest, fact));
  if (facts.length > options.limit) items.push(`…and ${facts.length - options.limit} more${options.whereMore ?? ''}.`);
  page.list(items);
}

/** "**Postgres** (4 facts) [n], **Redis** (1 fact) [m]", citing the newest evidence of each. */
export function entityRun(page: PageBuilder, related: readonly RelatedEntity[], limit: number): string {
  const shown = related
    .slice(0, limit)
    .map(
      ({ entity, evidence }) =>
        `**${escapeMarkdown(entity.name)}** (${plural(evidence.length, 'fact')}) ${page.cite(evidence[0])}`,
    );
  const cut = related.length - shown.length;
  return `${shown.join(', ')}${cut > 0 ? ` and ${cut} more` : ''}`;
}
