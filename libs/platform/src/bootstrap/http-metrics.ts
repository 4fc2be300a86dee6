import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
  onResponseHookHandler,
} from 'fastify';
import { MetricsService } from '../metrics/metrics.service';

/** What a request's duration is recorded into: one histogram series per method and status. */
type Timer = (request: FastifyRequest, reply: FastifyReply) => void;

/** The route label of requests that matched no route (never the raw URL: unbounded cardinality). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Times every request by its route pattern. The label is fixed when the route is registered and
 * each method/status series is bound once, so a request costs one map lookup and one observation
 * rather than building and hashing a label object (and Fastify's `routeOptions`) every time.
 * Install before the routes are registered (before `listen`): a route added earlier is not timed.
 */
export function instrumentHttp(fastify: FastifyInstance, metrics: MetricsService): void {
  fastify.addHook('onRoute', (route) => {
    const timer = routeTimer(metrics, route.url);
    const hook: onResponseHookHandler = (request, reply, done: HookHandlerDoneFunction) => {
      timer(request, reply);
      done();
    };
    const own = route.onResponse;
    route.onResponse = own === undefined ? [hook] : [...(Array.isArray(own) ? own : [own]), hook];
  });
  const unmatched = routeTimer(metrics, UNMATCHED_ROUTE);
  fastify.addHook('onResponse', (request, reply, done) => {
    if (request.is404) unmatched(request, reply);
    done();
  });
}

function routeTimer(metrics: MetricsService, route: string): Timer {
  const series = new Map<string, ReturnType<MetricsService['httpRequestDuration']['labels']>>();
  return (request, reply) => {
    const { method } = request;
    const { statusCode } = reply;
    // Method and status are few per route; the key is one short string, the series is built once.
    const key = `${method} ${statusCode}`;
    let observer = series.get(key);
    if (!observer) {
      observer = metrics.httpRequestDuration.labels({ method, route, status: String(statusCode) });
      series.set(key, observer);
    }
    observer.observe(reply.elapsedTime / 1000);
  };
}
