import { actionItem, actionItemFacts } from '../entry-items';
import { PageInputs } from '../page-inputs';
import { cappedList } from '../page-parts';
import { pagePlan, type PagePlan } from '../page-plan';
import type { WikiModel } from '../wiki-model';

const MAX_OPEN = 60;
const MAX_DONE = 40;
const MAX_UNOWNED = 20;

/**
 * Open action items (owner, since when, latest deadline), then the ones done (when, citing the report),
 * then requests made of everyone or of several people at once, which no one owns and so no one closes.
 */
export function actionItemsPage(model: WikiModel): PagePlan {
  const open = model.actionItems.filter((entry) => entry.doneBy === null && entry.owner !== null);
  const done = model.actionItems.filter((entry) => entry.doneBy !== null);
  const unowned = model.actionItems.filter((entry) => entry.doneBy === null && entry.owner === null);
  const inputs = new PageInputs();
  for (const entry of [...open.slice(0, MAX_OPEN), ...done.slice(0, MAX_DONE), ...unowned.slice(0, MAX_UNOWNED)]) {
    inputs.addFacts(actionItemFacts(entry));
    inputs.note('owner', entry.current.id, entry.owner ?? entry.assignee);
  }
  inputs.note('counts', open.length, done.length, unowned.length);
  return pagePlan('action-items', model.title('Action items'), inputs, (page) => {
    if (model.actionItems.length === 0) {
      page.paragraph('No action items recorded.');
      return;
    }
    const others = unowned.length > 0 ? `, ${unowned.length} without a single owner` : '';
    page.paragraph(`${open.length} open, ${done.length} done${others}.`);
    page.heading(2, 'Open');
    cappedList(page, open, { limit: MAX_OPEN, none: 'Nothing open.' }, (entry) => actionItem(page, entry));
    page.heading(2, 'Done');
    cappedList(page, done, { limit: MAX_DONE, none: 'Nothing reported done yet.' }, (entry) => actionItem(page, entry));
    if (unowned.length > 0) {
      page.heading(2, 'Without a single owner');
      cappedList(page, unowned, { limit: MAX_UNOWNED }, (entry) => actionItem(page, entry));
    }
  });
}
