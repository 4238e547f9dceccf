/**
 * Code-unit order. localeCompare depends on the ICU data of the running Node, so it could order the
 * same input differently on two machines; every deterministic sort here uses this instead.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
