import { getMetadataStorage } from 'class-validator';
import { z } from 'zod';
import { ListFactsQuery } from '../knowledge/knowledge.dto';
import { inputSchemaOf } from './dto-input-schema';
import { MCP_TOOLS } from './mcp-tools';

/** The properties class-validator checks on a DTO (what the REST API accepts), and those it requires. */
function validatedProperties(dto: new () => unknown): { all: string[]; required: string[] } {
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const all = [...new Set(rules.map((rule) => rule.propertyName))].sort();
  // @IsOptional() is class-validator's conditional validation.
  const optional = new Set(
    rules.filter((rule) => rule.type === 'conditionalValidation').map((rule) => rule.propertyName),
  );
  return { all, required: all.filter((name) => !optional.has(name)) };
}

describe("a tool's input schema, made from its REST DTO", () => {
  it.each(MCP_TOOLS.map((tool) => [tool.name, tool] as const))(
    '%s: describes exactly the properties its DTO validates, the required ones required',
    (_name, tool) => {
      const schema = z.toJSONSchema(inputSchemaOf(tool.input)) as any;
      const validated = validatedProperties(tool.input as never);
      expect(Object.keys(schema.properties).sort()).toEqual(validated.all);
      expect([...schema.required].sort()).toEqual(validated.required);
      expect(schema.additionalProperties).toBe(false);
    },
  );

  it("gives the DTO's types, enums and limits as JSON Schema", () => {
    const schema = z.toJSONSchema(inputSchemaOf(ListFactsQuery)) as any;
    expect(schema.required).toEqual([]);
    expect(schema.properties.limit).toEqual({ type: 'integer', minimum: 1, maximum: 200, default: 50 });
    expect(schema.properties.cursor).toMatchObject({ type: 'string', maxLength: 2000 });
    expect(schema.properties.type).toMatchObject({
      type: 'array',
      items: { type: 'string', enum: expect.arrayContaining(['decision', 'action_item']) },
    });
  });

  it('lets every value through to the DTO: the check is the REST validation pipe, not zod', () => {
    const parsed = inputSchemaOf(ListFactsQuery).safeParse({ limit: 'many', type: 7, extra: true });
    expect(parsed).toEqual({ success: true, data: { limit: 'many', type: 7, extra: true } });
  });
});
