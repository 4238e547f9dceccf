import { ValidationError } from '@atlas/common';

/**
 * The deepest nesting a request may have. The API's bodies nest three or four levels; 32 leaves room and
 * keeps the recursive code behind validation (class-transformer) far from the stack limit.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether arrays and objects in `value` nest deeper than `maxDepth` (`{}` and `[]` are depth 1). Walked
 * with an explicit stack, so a deep value cannot overflow the call stack here either.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.node !== 'object' || next.node === null) continue;
    if (next.depth > maxDepth) return true;
    for (const child of Object.values(next.node)) pending.push({ node: child, depth: next.depth + 1 });
  }
  return false;
}

/** A 400 when `value` nests deeper than the API allows; `what` names it in the message. */
export function assertJsonDepth(value: unknown, what: string): void {
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
    throw new ValidationError(`${what} nests arrays or objects deeper than ${MAX_JSON_DEPTH} levels`, {
      max_depth: MAX_JSON_DEPTH,
    });
  }
}
