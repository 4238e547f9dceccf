/**
 * Whether the screen is phone-sized (the width knowledge.css switches to one column at). Long lists and forms
 * start folded there, so the content is not below a screenful of links.
 */
export function narrowScreen(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 48rem)').matches;
}
