import { errorBodySchema } from './error-body';
import { openApiSchemaOf, JsonSchema } from './json-schema';
import type { RequestHeaderDoc, RequestHeaderName, ResponseHeaderName } from './api-route';

const ref = (path: string) => ({ $ref: `#/components/${path}` });

/** Shared parts every operation refers to: the error body, the headers, the correlation id. */
export function sharedComponents(): Record<string, Record<string, unknown>> {
  return {
    schemas: { ErrorBody: openApiSchemaOf(errorBodySchema, 'output') },
    parameters: {
      CorrelationId: {
        name: 'X-Correlation-Id',
        in: 'header',
        required: false,
        description:
          'Traces the request through logs and events; echoed in the answer. Made up when absent or unusable.',
        schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$' },
      },
    },
    headers: {
      'X-Correlation-Id': {
        required: true,
        description: "The request's correlation id (the caller's, or the one the service made up).",
        schema: { type: 'string' },
      },
      ETag: {
        required: true,
        description: 'The resource\'s version as a strong entity tag, e.g. `"3"`; send it back in If-Match.',
        schema: { type: 'string' },
      },
      Location: {
        required: true,
        description: 'Path of the created or accepted resource.',
        schema: { type: 'string' },
      },
      'Retry-After': {
        description:
          'Seconds after which a retry may succeed (rate limits, unavailable store, some conflicts).',
        schema: { type: 'string', pattern: '^[0-9]+$' },
      },
    },
  };
}

const REQUEST_HEADER_SCHEMAS: Record<RequestHeaderName, JsonSchema> = {
  'If-Match': { type: 'string', examples: ['"3"'] },
  'Idempotency-Key': { type: 'string', pattern: '^[\\x21-\\x7e]{1,128}$' },
};

export function requestHeaderParameter(name: RequestHeaderName, doc: RequestHeaderDoc): JsonSchema {
  return {
    name,
    in: 'header',
    required: doc.required,
    description: doc.description,
    schema: REQUEST_HEADER_SCHEMAS[name],
  };
}

export const correlationIdParameter = (): JsonSchema => ref('parameters/CorrelationId');

export function responseHeaders(names: readonly (ResponseHeaderName | 'Retry-After')[]): JsonSchema {
  const headers: JsonSchema = { 'X-Correlation-Id': ref('headers/X-Correlation-Id') };
  for (const name of names) headers[name] = ref(`headers/${name}`);
  return headers;
}

/** Statuses whose errors may carry Retry-After. */
const RETRYABLE_STATUSES = new Set([409, 429, 503]);

/** One error answer: the shared body, its `code` narrowed to what this route can answer. */
export function errorResponse(status: number, codes: readonly string[]): JsonSchema {
  const sorted = [...new Set(codes)].sort();
  return {
    description: `Error codes: ${sorted.map((code) => `\`${code}\``).join(', ')}.`,
    headers: responseHeaders(RETRYABLE_STATUSES.has(status) ? ['Retry-After'] : []),
    content: {
      'application/json': {
        schema: {
          allOf: [
            ref('schemas/ErrorBody'),
            {
              type: 'object',
              required: ['error'],
              properties: {
                error: {
                  type: 'object',
                  required: ['code'],
                  properties: { code: { type: 'string', enum: sorted } },
                },
              },
            },
          ],
        },
      },
    },
  };
}
