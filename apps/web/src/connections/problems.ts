import { ApiError } from '../api/api-error';
import { fieldOfProblem } from './platform-fields';

/** A 400's problems split by the field each names; `form` holds the rest (and any other error). */
export function problemsByField(error: unknown): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  if (!error) return byField;
  const add = (field: string, problem: string) => byField.set(field, [...(byField.get(field) ?? []), problem]);
  if (error instanceof ApiError && error.code === 'VALIDATION_ERROR') {
    for (const problem of error.problems) add(fieldOfProblem(problem) ?? 'form', problem);
  } else {
    add('form', error instanceof ApiError ? `${error.code}: ${error.message}` : String((error as Error).message));
  }
  return byField;
}
