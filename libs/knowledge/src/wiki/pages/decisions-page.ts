import { decisionItem } from '../entry-items';
import { PageInputs } from '../page-inputs';
import { cappedList, plural } from '../page-parts';
import { pagePlan, type PagePlan } from '../page-plan';
import type { WikiModel } from '../wiki-model';

const MAX_CURRENT = 50;
const MAX_SUPERSEDED = 30;

/** Every decision with its date, who took it, whether it still holds and what it replaced or was replaced by, current ones first. */
export function decisionsPage(model: WikiModel): PagePlan {
  const current = model.decisions.filter((entry) => !entry.superseded);
  const superseded = model.decisions.filter((entry) => entry.superseded);
  const inputs = new PageInputs();
  for (const entry of [...current.slice(0, MAX_CURRENT), ...superseded.slice(0, MAX_SUPERSEDED)])
    inputs.addFacts([entry.fact, entry.supersededBy ?? undefined, entry.supersedes ?? undefined]);
  inputs.note('counts', current.length, superseded.length);
  return pagePlan('decisions', model.title('Decisions'), inputs, (page) => {
    if (model.decisions.length === 0) {
      page.paragraph('No decisions recorded.');
      return;
    }
    page.paragraph(
      `${plural(model.decisions.length, 'decision')}: ${current.length} current, ${superseded.length} superseded by a later fact.`,
    );
    page.heading(2, 'Current');
    cappedList(page, current, { limit: MAX_CURRENT, none: 'None: every decision was superseded.' }, (entry) =>
      decisionItem(page, entry),
    );
    if (superseded.length > 0) {
      page.heading(2, 'Superseded');
      cappedList(page, superseded, { limit: MAX_SUPERSEDED }, (entry) => decisionItem(page, entry));
    }
  });
}
