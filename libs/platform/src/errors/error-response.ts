import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { DomainError, INTERNAL_ERROR_CODE } from './domain-error';
import { HTTP_STATUS_BY_KIND } from './http-status';
import { isInfrastructureFault } from '../messaging/retry-policy';

/** The one body of every error answer, whichever layer refused the request. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; correlationId?: string };
}

/** An error as HTTP: status, body and the `Retry-After` seconds when a retry may succeed. */
export interface ErrorAnswer {
  readonly status: number;
  readonly body: ErrorBody;
  readonly retryAfter?: number;
}

interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/**
 * What the HTTP layer refuses before any route runs: a stable code (several refusals may share
 * one) and a fixed message. A framework's own message may quote the path, a header or the body;
 * an error answer never echoes input.
 */
export const FRAMEWORK_REFUSALS = {
  BAD_URL: { status: 400, code: 'BAD_URL', message: 'The request path is not a valid URL path.' },
  BAD_REQUEST: {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'The request could not be read: its body or headers are malformed.',
  },
  JSON_MALFORMED: { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
  CONTENT_LENGTH_MISMATCH: {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'The request body does not match its Content-Length.',
  },
  ROUTE_NOT_FOUND: { status: 404, code: 'ROUTE_NOT_FOUND', message: 'No such route.' },
  METHOD_NOT_ALLOWED: {
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
    message: 'This route does not accept the request method; the Allow header lists those it does.',
  },
  REQUEST_TIMEOUT: { status: 408, code: 'REQUEST_TIMEOUT', message: 'The request did not arrive in time.' },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is larger than this route accepts.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: "This route does not accept the request's Content-Type.",
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    code: 'HEADERS_TOO_LARGE',
    message: 'The request headers are larger than the server accepts.',
  },
} as const satisfies Record<string, Refusal>;

/** Fastify's error codes (its `code` property) and what each one means for the caller. */
const REFUSAL_BY_FASTIFY_CODE: Readonly<Record<string, Refusal>> = {
  FST_ERR_BAD_URL: FRAMEWORK_REFUSALS.BAD_URL,
  FST_ERR_INVALID_URL: FRAMEWORK_REFUSALS.BAD_URL,
  FST_ERR_CTP_BODY_TOO_LARGE: FRAMEWORK_REFUSALS.PAYLOAD_TOO_LARGE,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: FRAMEWORK_REFUSALS.UNSUPPORTED_MEDIA_TYPE,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: FRAMEWORK_REFUSALS.CONTENT_LENGTH_MISMATCH,
  FST_ERR_CTP_EMPTY_JSON_BODY: FRAMEWORK_REFUSALS.JSON_MALFORMED,
  FST_ERR_CTP_INVALID_JSON_BODY: FRAMEWORK_REFUSALS.JSON_MALFORMED,
};

/**
 * What a client error means by its status alone. Nest turns Fastify's errors into HttpExceptions
 * that keep Fastify's message and status but lose its code (bad JSON, a body too large, an
 * unsupported media type all arrive that way), so the status is all that is left to go by.
 */
const REFUSAL_BY_STATUS: Readonly<Record<number, Refusal>> = {
  400: FRAMEWORK_REFUSALS.BAD_REQUEST,
  404: FRAMEWORK_REFUSALS.ROUTE_NOT_FOUND,
  405: FRAMEWORK_REFUSALS.METHOD_NOT_ALLOWED,
  408: FRAMEWORK_REFUSALS.REQUEST_TIMEOUT,
  413: FRAMEWORK_REFUSALS.PAYLOAD_TOO_LARGE,
  415: FRAMEWORK_REFUSALS.UNSUPPORTED_MEDIA_TYPE,
  431: FRAMEWORK_REFUSALS.HEADERS_TOO_LARGE,
};

/** Codes of the other client errors, by status. */
const CODE_BY_HTTP_STATUS: Readonly<Record<number, string>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  406: 'NOT_ACCEPTABLE',
  429: 'RATE_LIMITED',
};

export function answerOf(refusal: Refusal, correlationId: string | undefined): ErrorAnswer {
  return {
    status: refusal.status,
    body: { error: { code: refusal.code, message: refusal.message, correlationId } },
  };
}

/**
 * The one HTTP translation of errors: domain errors keep their code and get their kind's status;
 * framework errors (unknown route, unreadable URL or body, body too large) get a stable code and
 * a fixed message; anything else is a 500 whose body says nothing about internals.
 */
export function describeError(exception: unknown, correlationId: string | undefined): ErrorAnswer {
  if (exception instanceof DomainError) {
    const { code, message, details } = exception;
    return {
      status: HTTP_STATUS_BY_KIND[exception.kind],
      retryAfter: exception.retryAfterSeconds,
      body: { error: { code, message, ...(details === undefined ? {} : { details }), correlationId } },
    };
  }
  if (isInfrastructureFault(exception)) {
    return {
      status: 503,
      retryAfter: 5,
      body: {
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: 'A backing service is unavailable. Try again shortly.',
          correlationId,
        },
      },
    };
  }
  const refusal = clientRefusalOf(exception);
  if (refusal) return answerOf(refusal, correlationId);
  return {
    status: 500,
    body: {
      error: { code: INTERNAL_ERROR_CODE, message: 'Something went wrong on our side.', correlationId },
    },
  };
}

/**
 * A 4xx refusal, or undefined for anything that is the server's fault. Its message is always ours:
 * a framework's may quote the request, and services speak in DomainErrors, never HttpExceptions.
 */
function clientRefusalOf(exception: unknown): Refusal | undefined {
  const fastifyCode = stringProperty(exception, 'code');
  const known = fastifyCode === undefined ? undefined : REFUSAL_BY_FASTIFY_CODE[fastifyCode];
  if (known) return known;
  const status = statusOf(exception);
  // Fastify's JSON parser marks a syntax error 400 and gives it no code of its own.
  if (exception instanceof SyntaxError && status === 400) return FRAMEWORK_REFUSALS.JSON_MALFORMED;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  return (
    REFUSAL_BY_STATUS[status] ?? {
      status,
      code: CODE_BY_HTTP_STATUS[status] ?? 'BAD_REQUEST',
      message: `The request was refused (${STATUS_CODES[status] ?? 'client error'}).`,
    }
  );
}

/** Nest's HttpException and Fastify's own errors both carry a status. */
function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  if (typeof exception === 'object' && exception !== null && 'statusCode' in exception) {
    const { statusCode } = exception as { statusCode: unknown };
    if (typeof statusCode === 'number') return statusCode;
  }
  return undefined;
}

function stringProperty(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const property = (value as Record<string, unknown>)[key];
  return typeof property === 'string' ? property : undefined;
}
