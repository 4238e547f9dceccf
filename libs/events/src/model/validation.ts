import { ValidateIf, ValidationOptions } from 'class-validator';

/** The field must be present; `null` is a valid value and skips the other validators. */
export function Nullable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== null, options);
}
