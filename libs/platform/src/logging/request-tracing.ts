import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Logger } from 'pino';
import {
  acceptableCorrelationId,
  CORRELATION_HEADER,
  newCorrelationId,
  RequestSummary,
  runWithRequestCorrelation,
} from './correlation';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's acceptable `x-correlation-id`, else one made for this request. */
    correlationId: string;
  }
}

/** Health probes and scrapes arrive every few seconds; logging each would drown real traffic. */
const UNLOGGED_PATHS = /^\/(health|metrics)(\/|\?|$)/;

/**
 * The request line still to be written, kept on the response so that the shared `close` listener
 * needs no closure per request; whichever of finish and abort comes first writes it.
 */
const PENDING_LOG = Symbol('pendingRequestLog');
interface ResponseWithPendingLog extends ServerResponse {
  [PENDING_LOG]?: { logger: Logger; req: RequestSummary; correlationId: string; startedAt: number };
}

/**
 * Correlation ids and the request log as Fastify hooks, replacing pino-http and two Express-style
 * middlewares (run through @fastify/middie): those built a child logger, serialized the request
 * and added three response listeners per request even when no request line was ever written.
 *
 * Every request gets a correlation id (the caller's if acceptable, else a new one) in the request
 * headers, the response header and the async context that logs and produced events read.
 *
 * Decision: one info line per request ("request completed"), as before. It is the service's access
 * log and the one place a correlation id meets a status and a duration, which is what mature
 * services keep too; what we cut is its cost. The line is built from plain fields after the
 * response is sent, only when info is enabled, with no per-request child logger or serializer.
 */
export function traceRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.decorateRequest('correlationId', '');

  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done) => {
    const correlationId = acceptableCorrelationId(request.headers[CORRELATION_HEADER]) ?? newCorrelationId();
    // Written back so a handler reading the header sees the id the response and the logs carry.
    request.headers[CORRELATION_HEADER] = correlationId;
    request.correlationId = correlationId;
    void reply.header(CORRELATION_HEADER, correlationId);
    const req: RequestSummary = { method: request.method, url: request.url };
    if (logger.isLevelEnabled('info') && !UNLOGGED_PATHS.test(req.url)) {
      (reply.raw as ResponseWithPendingLog)[PENDING_LOG] = {
        logger,
        req,
        correlationId,
        startedAt: Date.now(),
      };
      reply.raw.on('close', logIfAborted);
    }
    runWithRequestCorrelation(correlationId, req, done);
  });

  // A body arrives on the socket's own callbacks, outside the context entered above; the route
  // handler must still see the request's correlation id.
  fastify.addHook('preValidation', (request: FastifyRequest, _reply, done: HookHandlerDoneFunction) => {
    if (request.body === undefined) return done();
    runWithRequestCorrelation(request.correlationId, { method: request.method, url: request.url }, done);
  });

  fastify.addHook('onResponse', (_request: FastifyRequest, reply: FastifyReply, done) => {
    const raw = reply.raw as ResponseWithPendingLog;
    const pending = raw[PENDING_LOG];
    if (pending) {
      raw[PENDING_LOG] = undefined;
      const { statusCode } = reply;
      logger.info(
        {
          req: pending.req,
          correlationId: pending.correlationId,
          res: { statusCode },
          responseTime: Math.round(reply.elapsedTime),
        },
        statusCode >= 500 ? 'request errored' : 'request completed',
      );
    }
    done();
  });
}

/** A `close` before the response finished: the caller went away (the onResponse hook never runs). */
function logIfAborted(this: ResponseWithPendingLog): void {
  const pending = this[PENDING_LOG];
  if (!pending || this.writableFinished) return;
  this[PENDING_LOG] = undefined;
  pending.logger.info(
    {
      req: pending.req,
      correlationId: pending.correlationId,
      res: { statusCode: this.statusCode },
      responseTime: Date.now() - pending.startedAt,
    },
    'request aborted',
  );
}
