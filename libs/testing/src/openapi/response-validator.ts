import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

interface ResponseDoc {
  content?: Record<string, { schema?: object }>;
  headers?: Record<string, { $ref?: string; required?: boolean }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, ResponseDoc> }>>;
  components?: { headers?: Record<string, { required?: boolean }> };
}

/** One answer as the server sent it, named by its route pattern (`/products/:id`). */
export interface RecordedResponse {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly contentType: string | undefined;
  /** Names of the headers the answer carries, lower case. */
  readonly headers?: readonly string[];
  readonly body: string;
}

const DOCUMENT_ID = 'openapi.json';

/** A JSON pointer segment: `/` and `~` escaped (RFC 6901). */
const pointer = (...segments: string[]) =>
  segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/**
 * Checks real answers against a service's OpenAPI document: the status must be one the operation
 * lists, and a JSON body must match that status's schema (JSON Schema 2020-12, as OpenAPI 3.1).
 * Routes the document does not describe (the docs UI, HEAD) are not checked.
 */
export class OpenApiResponseValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, DOCUMENT_ID);
  }

  /** What is wrong with the answer, or undefined when the document describes it. */
  problemOf(response: RecordedResponse): string | undefined {
    const path = response.route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const method = response.method.toLowerCase();
    const operation = this.document.paths[path]?.[method];
    if (!operation) return undefined;
    const name = `${response.method} ${path} → ${response.status}`;
    const answer = operation.responses?.[String(response.status)];
    if (!answer) return `${name}: status not documented`;
    const missing = this.missingHeaders(answer, response.headers);
    if (missing.length > 0) return `${name}: documented header ${missing.join(', ')} not sent`;
    const mediaType = (response.contentType ?? '').split(';')[0].trim().toLowerCase();
    if (!answer.content) return response.body === '' ? undefined : `${name}: documented without a body`;
    if (!answer.content[mediaType]) return `${name}: content type "${mediaType}" not documented`;
    if (mediaType !== 'application/json') return undefined;
    const validate = this.validatorFor(pointer('paths', path, method, 'responses', String(response.status)));
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return `${name}: body is not JSON`;
    }
    if (validate(body)) return undefined;
    const errors = this.ajv.errorsText(validate.errors, { dataVar: 'body' });
    return `${name}: ${errors}\n  body: ${response.body.slice(0, 2_000)}`;
  }

  /** Required headers (by their shared definition) the answer does not carry. */
  private missingHeaders(answer: ResponseDoc, sent: readonly string[] | undefined): string[] {
    if (!sent) return [];
    return Object.entries(answer.headers ?? {})
      .filter(([name, header]) => {
        const shared = header.$ref
          ? this.document.components?.headers?.[header.$ref.split('/').pop()!]
          : header;
        return shared?.required === true && !sent.includes(name.toLowerCase());
      })
      .map(([name]) => name);
  }

  private validatorFor(responsePointer: string): ValidateFunction {
    const key = `${DOCUMENT_ID}#${responsePointer}${pointer('content', 'application/json', 'schema')}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.getSchema(key);
      if (!validate) throw new Error(`no schema at ${key}`);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}
