import type { PageBuilder } from './page-builder';
import { PageInputs } from './page-inputs';

/**
 * One page before it is written: what it is written from, collected first so that its inputs hash
 * can be known before (and without) rendering it, then how to write it.
 */
export interface PagePlan {
  slug: string;
  title: string;
  inputs: PageInputs;
  render(page: PageBuilder): void;
}

export function pagePlan(
  slug: string,
  title: string,
  inputs: PageInputs,
  render: (page: PageBuilder) => void,
): PagePlan {
  return { slug, title, inputs, render };
}
