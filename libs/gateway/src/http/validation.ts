import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { describeErrors } from '@atlas/events';
import { ValidationError } from '@atlas/common';
import { assertJsonDepth } from './json-depth';

/**
 * Unknown fields are refused, types and limits checked; the answer lists every problem. Input nested too
 * deep is refused first: class-transformer walks it recursively and would overflow the stack.
 */
class DepthCappedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    assertJsonDepth(value, `The request ${metadata.type === 'custom' ? 'input' : metadata.type}`);
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new DepthCappedValidationPipe({
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
