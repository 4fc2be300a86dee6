import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MetricsService } from '../metrics/metrics.service';

/** Times every request by its route pattern (never the raw URL, which would explode cardinality). */
export function instrumentHttp(app: NestFastifyApplication, metrics: MetricsService): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpRequestDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
