import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/** The class-validator complaints about a value against one of the event model's classes; [] when valid. */
export function schemaViolations<T extends object>(model: new () => T, value: object): string[] {
  const errors = validateSync(plainToInstance(model, value), { forbidUnknownValues: true });
  return errors.map((error) => error.toString());
}
