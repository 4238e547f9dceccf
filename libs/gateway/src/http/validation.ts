import { ValidationPipe } from '@nestjs/common';
import { describeErrors } from '@atlas/events';
import { ValidationError } from '@atlas/common';

/** Unknown fields are refused, types and limits checked; the answer lists every problem. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = describeErrors(errors);
      return new ValidationError(problems[0] ?? 'Invalid request', { problems });
    },
  });
}
