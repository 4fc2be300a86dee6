import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, INTERNAL_ERROR_CODE } from './domain-error';
import { HTTP_STATUS_BY_KIND } from './http-status';
import { currentCorrelationId } from '../logging/correlation';
import { isInfrastructureFault } from '../messaging/retry-policy';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; correlationId?: string };
}

const CODE_BY_HTTP_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/**
 * The one HTTP translation of errors: domain errors keep their code and get their kind's status;
 * framework errors (unknown route, unparsable JSON, body too large) get a stable code; anything
 * else is a 500 whose body says nothing about internals (the log has the stack).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    // The request's own id first: errors raised outside the request's async context (a body
    // that fails to parse) still name it.
    const correlationId = (request.correlationId as string | undefined) || currentCorrelationId();
    const { status, body, retryAfter } = this.describe(exception, correlationId);
    if (status >= 500) {
      this.logger.error(
        { err: exception, method: request.method, url: request.url, correlationId },
        'request failed',
      );
    }
    if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
    void reply.status(status).send(body);
  }

  private describe(
    exception: unknown,
    correlationId: string | undefined,
  ): { status: number; body: ErrorBody; retryAfter?: number } {
    if (exception instanceof DomainError) {
      return {
        status: HTTP_STATUS_BY_KIND[exception.kind],
        retryAfter: exception.retryAfterSeconds,
        body: {
          error: {
            code: exception.code,
            message: exception.message,
            ...(exception.details === undefined ? {} : { details: exception.details }),
            correlationId,
          },
        },
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
    const status = httpStatusOf(exception);
    if (status !== undefined && status < 500) {
      return {
        status,
        body: {
          error: {
            code: CODE_BY_HTTP_STATUS[status] ?? 'BAD_REQUEST',
            message: clientMessageOf(exception, status),
            correlationId,
          },
        },
      };
    }
    return {
      status: 500,
      body: {
        error: { code: INTERNAL_ERROR_CODE, message: 'Something went wrong on our side.', correlationId },
      },
    };
  }
}

/** Nest's HttpException and Fastify's own errors (bad JSON, body limit) both carry a status. */
function httpStatusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  if (typeof exception === 'object' && exception !== null && 'statusCode' in exception) {
    const { statusCode } = exception as { statusCode: unknown };
    if (typeof statusCode === 'number') return statusCode;
  }
  return undefined;
}

function clientMessageOf(exception: unknown, status: number): string {
  if (status === 404) return 'No such route.';
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.join('; ');
  }
  if (exception instanceof Error) return exception.message;
  return 'The request was refused.';
}
