import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentCorrelationId, newCorrelationId } from '../logging/correlation';
import { answerOf, describeError, ErrorAnswer, FRAMEWORK_REFUSALS } from './error-response';
import { allowedMethods } from './fastify-errors';

export type { ErrorBody } from './error-response';

/**
 * Nest's side of the one error translation (`describeError`): every exception of a route, a
 * guard, a body parser or Nest's not-found handler arrives here. A path that exists with other
 * methods answers 405 with `Allow` rather than 404. Server faults are logged with their stack;
 * their body says nothing about internals.
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
    // that fails to parse) still name it. Every error body names one, even for a request that
    // failed before the tracing hook gave it one.
    const correlationId = request.correlationId || currentCorrelationId() || newCorrelationId();
    const answer = this.answerFor(exception, request, reply, correlationId);
    if (answer.status >= 500) {
      this.logger.error(
        { err: exception, method: request.method, url: request.url, correlationId },
        'request failed',
      );
    }
    if (answer.retryAfter !== undefined) void reply.header('Retry-After', String(answer.retryAfter));
    void reply.status(answer.status).send(answer.body);
  }

  private answerFor(
    exception: unknown,
    request: FastifyRequest,
    reply: FastifyReply,
    correlationId: string,
  ): ErrorAnswer {
    const answer = describeError(exception, correlationId);
    // `is404`: no route matched at all (a handler's own 404 is a domain error, not this).
    if (answer.status !== 404 || !request.is404) return answer;
    const allow = allowedMethods(request.server, request.url);
    if (allow.length === 0) return answer;
    void reply.header('Allow', allow.join(', '));
    return answerOf(FRAMEWORK_REFUSALS.METHOD_NOT_ALLOWED, correlationId);
  }
}
