/** "Action items:", "Next steps:", "TODO:": a list of work follows. */
const LIST_HEAD = /^(?:action items?|next steps|follow[- ]ups?|todos?|to-dos?)\s*:\s*/i;
/** "alert on pool saturation (Ben)": an item with its owner in brackets, by name, @mention or "me". */
const OWNED_ITEM =
  /^(\S.*?)\s*\((me|@[\p{L}\p{N}._-]+(?:\s+\p{Lu}[\p{L}'’.-]*)?|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)?)\)$/u;
/** Items are separated by commas or semicolons outside brackets. */
const ITEM_SEPARATOR = /\s*[;,]\s*(?![^()]*\))/;

/**
 * "Action items: alert on pool saturation (Ben), per-account export limit (Ben), load test exports (Dev)."
 * holds one task per item, each with its own owner: one unit each ("Ben has an action item: alert on pool
 * saturation."); "(me)" is the author. A list whose items do not all name an owner stays one unit.
 */
export function actionItemsOfList(unit: string, author: string | null): string[] {
  const head = LIST_HEAD.exec(unit);
  if (head === null) return [unit];
  const items = unit
    .slice(head[0].length)
    .replace(/[.;\s]+$/, '')
    .split(ITEM_SEPARATOR)
    .map((item) => OWNED_ITEM.exec(item.trim()));
  if (items.length < 2 || items.some((item) => item === null)) return [unit];
  if (author === null && items.some((item) => item![2] === 'me')) return [unit];
  return items.map(
    // An @mention stays one: it is how the owner is found.
    (item) => `${item![2] === 'me' ? author : item![2]} has an action item: ${item![1]}.`,
  );
}
