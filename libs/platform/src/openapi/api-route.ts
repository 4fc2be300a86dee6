import { SetMetadata } from '@nestjs/common';
import { z } from 'zod';

export const ROUTE_DOC = 'openapi:route';

/** Headers a route reads beyond `Authorization` and `X-Correlation-Id` (which every route reads). */
export type RequestHeaderName = 'If-Match' | 'Idempotency-Key';
/** Headers a success answer sets beyond `X-Correlation-Id` (which every answer sets). */
export type ResponseHeaderName = 'ETag' | 'Location';

export interface AnswerDoc {
  readonly description: string;
  /** The answer's body; absent for an answer without one (204). */
  readonly schema?: z.ZodType;
  /** Media type of the body when it is not JSON, e.g. `text/plain`. */
  readonly mediaType?: string;
  readonly headers?: readonly ResponseHeaderName[];
}

export interface RawBodyDoc {
  readonly description: string;
  /** Media types the route parses; the body is the raw text of the file. */
  readonly mediaTypes: readonly string[];
}

export interface RequestHeaderDoc {
  readonly required: boolean;
  readonly description: string;
}

/**
 * What one route answers, for its OpenAPI operation. Security, the token and role errors, the
 * validation and body errors, 500/503 and `X-Correlation-Id` are added from the route's own auth
 * decorators and parameters when the document is built (openapi-document.ts), so they are never
 * written by hand.
 */
export interface RouteDoc {
  readonly summary: string;
  readonly description?: string;
  /** Every status the handler itself answers, e.g. `{ 201: ..., 200: ... }` (or a 503 readiness body). */
  readonly responses: Readonly<Record<number, AnswerDoc>>;
  /** The domain error codes this route can answer, by status, e.g. `{ 404: ['PRODUCT_NOT_FOUND'] }`. */
  readonly errors?: Readonly<Record<number, readonly string[]>>;
  readonly requestHeaders?: Readonly<Partial<Record<RequestHeaderName, RequestHeaderDoc>>>;
  /** A body that is not JSON validated by `@ValidBody` (an uploaded file). */
  readonly rawBody?: RawBodyDoc;
}

/** Documents a route: `@ApiRoute({ summary, responses: { 200: { description, schema } }, errors })`. */
export const ApiRoute = (doc: RouteDoc): MethodDecorator => SetMetadata(ROUTE_DOC, doc);
