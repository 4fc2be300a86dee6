import { ArgumentMetadata, Body, Injectable, PipeTransform, Query } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { FieldProblem, ValidationError } from '../errors/domain-error';
import { openApiSchemaOf } from '../openapi/json-schema';

/** The rule a zod issue broke, as a stable word clients can switch on. */
function ruleOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'type';
    case 'too_small':
      return issue.origin === 'string' ? 'min_length' : issue.origin === 'array' ? 'min_items' : 'min';
    case 'too_big':
      return issue.origin === 'string' ? 'max_length' : issue.origin === 'array' ? 'max_items' : 'max';
    case 'unrecognized_keys':
      return 'unknown_field';
    case 'invalid_format':
      return 'format';
    case 'invalid_value':
      return 'one_of';
    default:
      return issue.code;
  }
}

/** Turns zod issues into field problems named from the request's point of view (`body.price`). */
export function fieldProblems(error: z.ZodError, root: string): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const path = [root, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: `${path}.${key}`,
        rule: 'unknown_field',
        message: `${path}.${key} is not a field of this request`,
      }));
    }
    return [{ field: path, rule: ruleOf(issue), message: `${path}: ${issue.message}` }];
  });
}

/**
 * Validates and parses one request part with a zod schema. Use strict object schemas
 * (`z.strictObject`) for bodies so unknown fields are refused (mass assignment), and only typed
 * fields reach a query filter (no operator injection through `{ "$gt": "" }`).
 */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    private readonly root: string,
  ) {}

  transform(value: unknown, _metadata: ArgumentMetadata): z.output<S> {
    const parsed = this.schema.safeParse(value ?? {}, { reportInput: true });
    if (!parsed.success) throw new ValidationError(fieldProblems(parsed.error, this.root));
    return parsed.data;
  }
}

/** `@ValidBody(schema) body: z.output<typeof schema>`: validated body, documented in OpenAPI. */
export function ValidBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodValidationPipe(schema, 'body'))(target, key, index);
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) ApiBody({ schema: openApiSchemaOf(schema) })(target, key, descriptor);
    }
  };
}

/** `@ValidQuery(schema) query: z.output<typeof schema>`: validated query string, documented. */
export function ValidQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodValidationPipe(schema, 'query'))(target, key, index);
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (!descriptor) return;
      for (const [name, field] of Object.entries(schema.shape)) {
        ApiQuery({
          name,
          required: !(field as z.ZodType).safeParse(undefined).success,
          schema: openApiSchemaOf(field as z.ZodType),
        })(target, key, descriptor);
      }
    }
  };
}
