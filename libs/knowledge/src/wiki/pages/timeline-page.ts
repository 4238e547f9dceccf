import type { WikiFact } from '../../contracts';
import { formatUtcDate } from '../markdown';
import { PageInputs } from '../page-inputs';
import { factList, plural } from '../page-parts';
import { pagePlan, type PagePlan } from '../page-plan';
import type { WikiModel } from '../wiki-model';
import { volume } from './fact-groups';

const MAX_WEEKS = 26;
const NOTABLE_PER_WEEK = 8;
const NOTABLE = new Set(['decision', 'announcement']);
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface Week {
  /** Monday of the week, UTC. */
  start: string;
  /** Oldest first. */
  facts: WikiFact[];
}

/** The channel's activity week by week, newest first: how much was said each day, and its decisions and announcements. */
export function timelinePage(model: WikiModel): PagePlan {
  const weeks = weeksOf(model.index.oldestFirst);
  const inputs = new PageInputs().addAllFacts();
  return pagePlan('timeline', model.title('Timeline'), inputs, (page) => {
    if (weeks.length === 0) {
      page.paragraph('No activity recorded yet.');
      return;
    }
    for (const week of weeks.slice(0, MAX_WEEKS)) {
      page.heading(2, `Week of ${week.start}`);
      const size = volume(week.facts);
      const first = week.facts[0];
      const last = week.facts[week.facts.length - 1];
      page.paragraph(
        `${plural(size.facts, 'fact')} from ${plural(size.messages, 'message')} by ${plural(size.people, 'person', 'people')}, first ${page.cite(first)}, last ${page.cite(last)}.`,
      );
      page.paragraph(`By day: ${daysOf(week.facts).join(', ')}.`);
      const notable = week.facts.filter((fact) => NOTABLE.has(fact.type));
      factList(page, model.index, notable, { limit: NOTABLE_PER_WEEK });
    }
    if (weeks.length > MAX_WEEKS) page.paragraph(`…and ${plural(weeks.length - MAX_WEEKS, 'earlier week')}.`);
  });
}

function weeksOf(oldestFirst: readonly WikiFact[]): Week[] {
  const weeks = new Map<string, Week>();
  for (const fact of oldestFirst) {
    const start = mondayOf(fact.source.timestamp);
    const week = weeks.get(start) ?? { start, facts: [] };
    week.facts.push(fact);
    weeks.set(start, week);
  }
  return [...weeks.values()].reverse();
}

function mondayOf(timestamp: string): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return formatUtcDate(timestamp);
  const day = new Date(ms).getUTCDay();
  return new Date(ms - ((day + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
}

/** "Mon 2025-03-03 (4 facts)" for each day with facts, in order. */
function daysOf(facts: readonly WikiFact[]): string[] {
  const days = new Map<string, number>();
  for (const fact of facts) {
    const date = formatUtcDate(fact.source.timestamp);
    days.set(date, (days.get(date) ?? 0) + 1);
  }
  return [...days.entries()].map(([date, count]) => {
    const weekday = Number.isNaN(Date.parse(date)) ? '' : `${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]} `;
    return `${weekday}${date} (${plural(count, 'fact')})`;
  });
}
