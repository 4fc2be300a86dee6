import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';

// Built once: the hook runs for every answer.
const PUBLIC_ANSWER = Object.freeze({ 'x-content-type-options': 'nosniff' });
const ANSWER_WITH_CREDENTIALS = Object.freeze({ ...PUBLIC_ANSWER, 'cache-control': 'no-store' });

/**
 * Headers every answer carries, as a pure function of the request's headers: browsers must not
 * guess a type other than the declared one (a JSON answer is never run as HTML or script); an
 * answer to a request with credentials may be personal, so no cache keeps it, not even the
 * browser's.
 */
export function securityHeaders(requestHeaders: IncomingHttpHeaders): Readonly<Record<string, string>> {
  return requestHeaders.authorization === undefined ? PUBLIC_ANSWER : ANSWER_WITH_CREDENTIALS;
}

/**
 * One onSend hook for every answer of the service: routes, errors, docs and the 404 handler.
 * Install before the routes are registered. (The answers Fastify writes outside its hooks, to a bad
 * URL or an unreadable request, set the same headers themselves: see fastify-errors.ts.)
 */
export function secureResponses(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.headers(securityHeaders(request.headers));
    done(null, payload);
  });
}
