import type { WikiFact } from '../contracts';
import type { ActionItemEntry } from './action-item-status';
import type { DecisionEntry } from './decision-status';
import type { FaqEntry } from './faq';
import { escapeMarkdown, formatUtcDate, shorten } from './markdown';
import type { PageBuilder } from './page-builder';
import type { PageInputs } from './page-inputs';
import { factText } from './page-parts';
import type { WikiIndex } from './wiki-index';
import { withEmoji } from './emoji';
import { answerUnderQuestion } from './carried-question';

const QUOTED_UPDATE = 160;

/**
 * "<text> — decided by <owner>, <date> [n] · current", then its history: "· replaces [m] (<date>):
 * <older text>" and "· superseded on <date> by [m]: <newer text>".
 */
export function decisionItem(page: PageBuilder, entry: DecisionEntry): string {
  const { fact } = entry;
  let item = `${factText(fact)} — decided by ${escapeMarkdown(entry.owner)}, ${formatUtcDate(fact.source.timestamp)} ${page.cite(fact)}`;
  item += entry.superseded ? ' · superseded' : ' · current';
  const older = entry.supersedes;
  if (older !== null)
    item += ` · replaces ${page.cite(older)} (${formatUtcDate(older.source.timestamp)}): ${quote(older)}`;
  const newer = entry.supersededBy;
  if (entry.superseded && newer !== null)
    item += ` on ${formatUtcDate(newer.source.timestamp)} by ${page.cite(newer)}: ${quote(newer)}`;
  return item;
}

/**
 * "<text> — <owner>, open since <date> [n]" or "…, opened <date> [n] · done <date> [m]: <report>", with
 * the request it took on, what it replaced and what changed it since.
 */
export function actionItem(page: PageBuilder, entry: ActionItemEntry): string {
  const { current } = entry;
  const who =
    entry.owner !== null ? escapeMarkdown(entry.owner) : `no single owner, asked by ${escapeMarkdown(entry.assignee)}`;
  // A report of finished work is its own completion: it cites itself once.
  if (entry.doneBy === current)
    return `${factText(current)} — done by ${who}, ${formatUtcDate(current.source.timestamp)} ${page.cite(current)}`;
  const opened = entry.request ?? entry.earlier.at(-1) ?? current;
  const due = current.due_at === null ? '' : `, due ${formatUtcDate(current.due_at)}`;
  const since = entry.doneBy === null ? 'open since' : 'opened';
  let item = `${factText(current)} — ${who}${due}, ${since} ${formatUtcDate(opened.source.timestamp)} ${page.cite(current)}`;
  if (entry.request !== null)
    item += ` · asked by ${escapeMarkdown(entry.request.source.author_name ?? 'someone')} ${page.cite(entry.request)}`;
  else if (entry.askedBy !== null) item += ` · asked by ${escapeMarkdown(entry.askedBy)}`;
  if (entry.earlier.length > 0) item += ` · replaces ${page.citeAll([...entry.earlier].reverse())}`;
  if (entry.update !== null)
    item += ` · updated ${formatUtcDate(entry.update.source.timestamp)} ${page.cite(entry.update)}: ${quote(entry.update)}`;
  if (entry.doneBy !== null)
    item += ` · done ${formatUtcDate(entry.doneBy.source.timestamp)} ${page.cite(entry.doneBy)}: ${quote(entry.doneBy)}`;
  return item;
}

/** The facts an action item entry shows. */
export function actionItemFacts(entry: ActionItemEntry): WikiFact[] {
  return [
    entry.current,
    ...entry.earlier,
    ...(entry.request ? [entry.request] : []),
    ...(entry.update ? [entry.update] : []),
    ...(entry.doneBy && entry.doneBy !== entry.current ? [entry.doneBy] : []),
  ];
}

/** The facts (and quoted message) a FAQ entry shows. */
export function addFaqInputs(inputs: PageInputs, entry: FaqEntry): void {
  inputs.addFacts([entry.question ?? undefined, ...entry.answers]);
  if (entry.questionMessage) inputs.addMessage(entry.questionMessage);
  inputs.note('faq', entry.question?.id ?? null, entry.discussed ? 'discussed' : 'not-discussed');
}

/** "**Q:** <question> — <asker>, <date> [n]" followed by its answers, one per line. */
export function faqItem(page: PageBuilder, index: WikiIndex, entry: FaqEntry): string {
  const question =
    entry.question !== null
      ? `${factText(entry.question)} — ${escapeMarkdown(index.authorName(entry.question))}, ${formatUtcDate(entry.question.source.timestamp)} ${page.cite(entry.question)}`
      : `${escapeMarkdown(shorten(withEmoji(entry.questionMessage?.text ?? ''), 300))} — ${escapeMarkdown(entry.questionMessage?.author_name ?? 'Unknown author')}, ${formatUtcDate(entry.questionMessage?.timestamp ?? '')} ${entry.questionMessage ? page.citeMessage(entry.questionMessage) : ''}`;
  const answers = entry.answers.map(
    (answer) =>
      `\n  - **A:** ${factText(answer, answerUnderQuestion(answer.text))} — ${escapeMarkdown(index.authorName(answer))}, ${formatUtcDate(answer.source.timestamp)} ${page.cite(answer)}`,
  );
  const status = entry.answers.length > 0 ? '' : entry.discussed ? ' · replied to, no answer recorded' : ' · open';
  return `**Q:** ${question}${status}${answers.join('')}`;
}

function quote(fact: WikiFact): string {
  return `“${escapeMarkdown(shorten(withEmoji(fact.text), QUOTED_UPDATE))}”`;
}
