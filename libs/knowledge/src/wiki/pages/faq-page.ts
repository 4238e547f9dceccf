import { addFaqInputs, faqItem } from '../entry-items';
import { isOpen } from '../faq';
import { PageInputs } from '../page-inputs';
import { cappedList } from '../page-parts';
import { pagePlan, type PagePlan } from '../page-plan';
import type { WikiModel } from '../wiki-model';

const MAX_ANSWERED = 60;
const MAX_DISCUSSED = 20;
const MAX_OPEN = 30;

/** Questions with the answers given in their threads, then the ones still open. */
export function faqPage(model: WikiModel): PagePlan {
  const answered = model.faq.filter((entry) => entry.answers.length > 0);
  const discussed = model.faq.filter((entry) => entry.answers.length === 0 && entry.discussed);
  const open = model.faq.filter(isOpen);
  const inputs = new PageInputs();
  for (const entry of [
    ...answered.slice(0, MAX_ANSWERED),
    ...discussed.slice(0, MAX_DISCUSSED),
    ...open.slice(0, MAX_OPEN),
  ])
    addFaqInputs(inputs, entry);
  inputs.note('counts', answered.length, discussed.length, open.length);
  return pagePlan('faq', model.title('FAQ'), inputs, (page) => {
    if (model.faq.length === 0) {
      page.paragraph('No questions recorded.');
      return;
    }
    page.heading(2, 'Answered');
    cappedList(page, answered, { limit: MAX_ANSWERED, none: 'No answers recorded yet.' }, (entry) =>
      faqItem(page, model.index, entry),
    );
    if (discussed.length > 0) {
      page.heading(2, 'Discussed, no answer recorded');
      cappedList(page, discussed, { limit: MAX_DISCUSSED }, (entry) => faqItem(page, model.index, entry));
    }
    page.heading(2, 'Open questions');
    cappedList(page, open, { limit: MAX_OPEN, none: 'No open questions.' }, (entry) =>
      faqItem(page, model.index, entry),
    );
  });
}
