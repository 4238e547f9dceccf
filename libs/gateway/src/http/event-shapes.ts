import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { FactRelation, FactSource, JOB_ERROR_CODES, JobError, RELATION_TYPES, WikiCitation } from '@atlas/events';

/**
 * Classes of the event catalogue that answers carry as they are, described for the OpenAPI document here
 * rather than on the classes: libs/events is loaded by every service and worker thread, which have no use
 * for @nestjs/swagger. Import the classes from this file where an answer class names them, so the
 * description is attached before the document is built.
 */
function describe<T>(type: abstract new () => T, properties: Record<keyof T & string, ApiPropertyOptions>): void {
  for (const [name, options] of Object.entries<ApiPropertyOptions>(properties))
    ApiProperty(options)(type.prototype as object, name);
}

const text = { type: 'string' } as const;
const nullableText = { type: 'string', nullable: true } as const;
const instant = { type: 'string', format: 'date-time' } as const;

describe(JobError, {
  code: { enum: JOB_ERROR_CODES },
  message: text,
  details: {
    type: 'object',
    properties: {
      retry_after: { type: 'integer', minimum: 0, description: 'Seconds to wait before retrying' },
      failing_message_id: { type: 'string', description: 'The first message whose processing failed' },
    },
    additionalProperties: true,
  },
});

describe(FactRelation, {
  type: { enum: RELATION_TYPES },
  source: { ...text, description: "An entity key of the fact's entities" },
  target: { ...text, description: "An entity key of the fact's entities" },
});

describe(FactSource, {
  message_id: text,
  author_id: nullableText,
  author_name: nullableText,
  timestamp: instant,
  thread_id: nullableText,
  permalink: nullableText,
  text: { ...nullableText, description: 'The message as its author wrote it; null in facts extracted before' },
});

describe(WikiCitation, {
  n: { type: 'integer', minimum: 1, description: 'The number the page text cites as [n]' },
  message_id: text,
  author_name: nullableText,
  timestamp: instant,
  excerpt: text,
  permalink: nullableText,
});

export { FactRelation, FactSource, JobError, WikiCitation };
