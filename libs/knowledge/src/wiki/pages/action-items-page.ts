import { actionItem, actionItemFacts } from '../entry-items';
import { PageInputs } from '../page-inputs';
import { cappedList } from '../page-parts';
import { pagePlan, type PagePlan } from '../page-plan';
import type { WikiModel } from '../wiki-model';

const MAX_OPEN = 60;
const MAX_DONE = 40;

/** Open action items as they now stand (latest assignee and deadline), then the ones done, citing who said so. */
export function actionItemsPage(model: WikiModel): PagePlan {
  const open = model.actionItems.filter((entry) => entry.doneBy === null);
  const done = model.actionItems.filter((entry) => entry.doneBy !== null);
  const inputs = new PageInputs();
  for (const entry of [...open.slice(0, MAX_OPEN), ...done.slice(0, MAX_DONE)]) {
    inputs.addFacts(actionItemFacts(entry));
    inputs.note('assignee', entry.current.id, entry.assignee);
  }
  inputs.note('counts', open.length, done.length);
  return pagePlan('action-items', model.title('Action items'), inputs, (page) => {
    if (model.actionItems.length === 0) {
      page.paragraph('No action items recorded.');
      return;
    }
    page.paragraph(`${open.length} open, ${done.length} done.`);
    page.heading(2, 'Open');
    cappedList(page, open, { limit: MAX_OPEN, none: 'Nothing open.' }, (entry) => actionItem(page, entry));
    page.heading(2, 'Done');
    cappedList(page, done, { limit: MAX_DONE, none: 'Nothing reported done yet.' }, (entry) => actionItem(page, entry));
  });
}
