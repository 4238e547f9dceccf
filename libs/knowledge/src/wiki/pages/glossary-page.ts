import type { GlossaryTerm } from '../glossary-terms';
import { escapeMarkdown, shorten } from '../markdown';
import type { PageBuilder } from '../page-builder';
import { PageInputs } from '../page-inputs';
import { entityLabel, noteEntities, plural } from '../page-parts';
import { pagePlan, type PagePlan } from '../page-plan';
import type { WikiModel } from '../wiki-model';
import { withEmoji } from '../emoji';

const QUOTE = 240;

/** The channel's acronyms and project terms, alphabetically, each with the sentence that defines or first uses it. */
export function glossaryPage(model: WikiModel): PagePlan {
  const inputs = new PageInputs();
  for (const term of model.glossary) {
    inputs.addFacts([term.definition?.fact, term.facts[0]]);
    inputs.note(term.key, term.term, term.expansion, term.definition?.sentence ?? null, term.facts.length);
  }
  noteEntities(
    inputs,
    model,
    model.glossary.flatMap((term) => term.entity ?? []),
  );
  return pagePlan('glossary', model.title('Glossary'), inputs, (page) => {
    if (model.glossary.length === 0) {
      page.paragraph('No acronyms or project terms found yet.');
      return;
    }
    page.list(model.glossary.map((term) => glossaryItem(page, model, term)));
  });
}

function glossaryItem(page: PageBuilder, model: WikiModel, term: GlossaryTerm): string {
  const name = term.entity ? entityLabel(model, term.entity) : `**${escapeMarkdown(term.term)}**`;
  const kind = term.entity ? ` (${term.entity.type})` : '';
  const expansion = term.expansion ? `: ${escapeMarkdown(term.expansion)}` : '';
  const aliases =
    term.entity && term.entity.aliases.length > 0
      ? ` Also written as ${term.entity.aliases.map(escapeMarkdown).join(', ')}.`
      : '';
  const usage = `Used in ${plural(term.facts.length, 'fact')}.`;
  if (term.definition)
    return `${name}${kind}${expansion} — “${escapeMarkdown(shorten(term.definition.sentence, QUOTE))}” ${page.cite(term.definition.fact)} ${usage}${aliases}`;
  const first = term.facts[0];
  return `${name}${kind}${expansion} — first used: “${escapeMarkdown(shorten(withEmoji(first.text), QUOTE))}” ${page.cite(first)} ${usage}${aliases}`;
}
