import type { Type } from '@nestjs/common';
import { z } from 'zod';

/** Where @nestjs/swagger keeps a class's documented properties (its DECORATORS constants). */
const PROPERTY_NAMES = 'swagger/apiModelPropertiesArray';
const PROPERTY = 'swagger/apiModelProperties';

/** What @ApiProperty records of a property, as far as a JSON Schema of plain JSON input needs it. */
interface DocumentedProperty {
  type?: unknown;
  isArray?: boolean;
  required?: boolean;
  enum?: readonly unknown[];
  items?: { type?: unknown; enum?: readonly unknown[] };
  [keyword: string]: unknown;
}

/** Keywords copied as they are into a property's JSON Schema. */
const KEYWORDS = ['description', 'minimum', 'maximum', 'minLength', 'maxLength', 'default', 'format'] as const;
const ARRAY_KEYWORDS = ['minItems', 'maxItems'] as const;

/**
 * A tool's input schema made from the DTO class its REST route validates with: the JSON Schema the client sees
 * is the one the OpenAPI document shows for that DTO (its @ApiProperty types, enums and limits), so the limits
 * have one source. The schema only describes: every value reaches the tool as sent (unknown fields too), and the
 * DTO's class-validator rules, applied by the REST API's validation pipe, refuse bad input as the REST API
 * does (400 VALIDATION_ERROR with every problem) — rather than the SDK's zod check answering in words of its own.
 */
export function inputSchemaOf(dto: Type<unknown>): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  const required: string[] = [];
  const names = (Reflect.getMetadata(PROPERTY_NAMES, dto.prototype) as string[] | undefined) ?? [];
  for (const name of names.map((entry) => entry.replace(/^:/, ''))) {
    const property = Reflect.getMetadata(PROPERTY, dto.prototype, name) as DocumentedProperty;
    shape[name] = z.unknown().meta(jsonSchemaOf(property)).optional();
    if (property.required !== false) required.push(name);
  }
  return z.looseObject(shape).meta({ additionalProperties: false, required });
}

function jsonSchemaOf(property: DocumentedProperty): Record<string, unknown> {
  const schema: Record<string, unknown> = {};
  for (const keyword of KEYWORDS) if (property[keyword] !== undefined) schema[keyword] = property[keyword];
  const array = property.isArray === true || property.type === 'array';
  if (!array) return { type: jsonType(property.type), ...(property.enum ? { enum: property.enum } : {}), ...schema };
  const items = { type: jsonType(property.items?.type ?? property.type), enum: property.items?.enum ?? property.enum };
  for (const keyword of ARRAY_KEYWORDS) if (property[keyword] !== undefined) schema[keyword] = property[keyword];
  return { type: 'array', items: items.enum ? items : { type: items.type }, ...schema };
}

/** `String` → "string"; swagger's own names ("integer", "string") as they are. */
function jsonType(type: unknown): string {
  if (type === String) return 'string';
  if (type === Number) return 'number';
  if (type === Boolean) return 'boolean';
  if (typeof type === 'string' && type !== 'array') return type;
  return 'string';
}
