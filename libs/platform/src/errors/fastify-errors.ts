import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { securityHeaders } from '../bootstrap/response-headers';
import { acceptableCorrelationId, CORRELATION_HEADER, newCorrelationId } from '../logging/correlation';
import { answerOf, describeError, ErrorAnswer, FRAMEWORK_REFUSALS } from './error-response';

/**
 * Answers Fastify writes before any hook or Nest's filter runs, in the one error shape. Passed to
 * Fastify through the FastifyAdapter's options (`frameworkErrors`, `clientErrorHandler`).
 */

/** Methods a route can be registered for, in the order `Allow` lists them. */
const METHODS: readonly HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The methods some route accepts at this URL (its query ignored): empty when the path is unknown. */
export function allowedMethods(fastify: FastifyInstance, url: string): HTTPMethods[] {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  return METHODS.filter((method) => fastify.findRoute({ method, url: path }) !== null);
}

/**
 * Fastify's `frameworkErrors`: a URL its router cannot decode (`/%zz`). Fastify's default answer
 * quotes the path; this one does not. No hook has run, so the correlation id is taken here.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const correlationId = acceptableCorrelationId(request.headers[CORRELATION_HEADER]) ?? newCorrelationId();
  const answer = describeError(error, correlationId);
  void reply
    .status(answer.status)
    .headers({ ...securityHeaders(request.headers), [CORRELATION_HEADER]: correlationId })
    .send(answer.body);
}

/** How long a refused connection may stay half-closed while the caller reads the answer. */
const REFUSED_CONNECTION_LINGER_MS = 2_000;

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the request (headers too large, a
 * request that is not HTTP, a timeout) before any request exists, so the answer is written on the
 * socket. The parser cannot resume, so the connection ends: `end` rather than `destroy`, so that
 * the rest of a large request still arriving does not reset the connection before the caller has
 * read the answer; a caller that never closes its side is cut off after a short linger.
 */
export function answerClientError(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  // Reset by the caller, or refused again as more of the same request arrives: answered already.
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  socket.end(rawAnswer(clientErrorAnswer(error.code, newCorrelationId())));
  setTimeout(() => socket.destroy(), REFUSED_CONNECTION_LINGER_MS).unref();
}

/** What a refusal of Node's HTTP parser answers, by its error code. */
export function clientErrorAnswer(code: string | undefined, correlationId: string): ErrorAnswer {
  if (code === 'HPE_HEADER_OVERFLOW') return answerOf(FRAMEWORK_REFUSALS.HEADERS_TOO_LARGE, correlationId);
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return answerOf(FRAMEWORK_REFUSALS.REQUEST_TIMEOUT, correlationId);
  return answerOf(FRAMEWORK_REFUSALS.BAD_REQUEST, correlationId);
}

/** A whole HTTP/1.1 response as bytes to write on a socket that has no response object. */
export function rawAnswer(answer: ErrorAnswer): string {
  const body = JSON.stringify(answer.body);
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    ...securityHeaders({}),
    ...(answer.body.error.correlationId ? { [CORRELATION_HEADER]: answer.body.error.correlationId } : {}),
    connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}
