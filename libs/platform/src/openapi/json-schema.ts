import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as the JSON Schema 2020-12 an OpenAPI 3.1 document embeds. `input` describes what a
 * client sends (defaults make fields optional); `output` what the service answers. Shared
 * definitions would be `#/$defs` refs, which mean nothing inside an OpenAPI document: refused.
 */
export function openApiSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  if ('$defs' in json) throw new Error('a documented schema must not define $defs (no zod registry ids)');
  return json;
}
