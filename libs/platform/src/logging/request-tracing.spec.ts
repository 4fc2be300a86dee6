import Fastify, { FastifyInstance } from 'fastify';
import pino from 'pino';
import { instrumentHttp, UNMATCHED_ROUTE } from '../bootstrap/http-metrics';
import { MetricsService } from '../metrics/metrics.service';
import { CORRELATION_HEADER, currentCorrelationId } from './correlation';
import { traceRequests } from './request-tracing';

interface LogLine {
  level: number;
  msg: string;
  correlationId?: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
}

async function tracedServer(level = 'info') {
  const lines: LogLine[] = [];
  const logger = pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  const metrics = new MetricsService();
  const fastify: FastifyInstance = Fastify();
  traceRequests(fastify, logger);
  instrumentHttp(fastify, metrics);
  const seen = () => ({ correlationId: currentCorrelationId() ?? null });
  fastify.get('/products/:id', () => seen());
  fastify.post('/products', () => seen());
  fastify.get('/health/live', () => ({ status: 'up' }));
  fastify.get('/boom', () => {
    throw new Error('boom');
  });
  await fastify.ready();
  return { fastify, lines, metrics };
}

describe('request tracing', () => {
  it('keeps an acceptable caller correlation id in the response header and the handler context', async () => {
    const { fastify } = await tracedServer();
    const response = await fastify.inject({
      url: '/products/p-1',
      headers: { [CORRELATION_HEADER]: 'caller-corr-0001' },
    });
    expect(response.headers[CORRELATION_HEADER]).toBe('caller-corr-0001');
    expect(response.json()).toEqual({ correlationId: 'caller-corr-0001' });
  });

  it('replaces a missing or unacceptable id with a new one, the same in header and context', async () => {
    const { fastify } = await tracedServer();
    for (const headers of [{}, { [CORRELATION_HEADER]: 'bad id with spaces' }]) {
      const response = await fastify.inject({ url: '/products/p-1', headers });
      const id = response.headers[CORRELATION_HEADER];
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.json()).toEqual({ correlationId: id });
    }
  });

  it('gives a handler reading a request body the request correlation id', async () => {
    const { fastify } = await tracedServer();
    const response = await fastify.inject({
      method: 'POST',
      url: '/products',
      headers: { [CORRELATION_HEADER]: 'caller-corr-0002' },
      payload: { title: 'x' },
    });
    expect(response.json()).toEqual({ correlationId: 'caller-corr-0002' });
  });

  it('logs one info line per request with its correlation id, status and duration', async () => {
    const { fastify, lines } = await tracedServer();
    await fastify.inject({ url: '/products/p-1', headers: { [CORRELATION_HEADER]: 'caller-corr-0003' } });
    await fastify.inject({ url: '/boom', headers: { [CORRELATION_HEADER]: 'caller-corr-0004' } });
    expect(lines).toEqual([
      {
        level: 30,
        msg: 'request completed',
        correlationId: 'caller-corr-0003',
        req: { method: 'GET', url: '/products/p-1' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
        time: expect.any(Number),
        pid: expect.any(Number),
        hostname: expect.any(String),
      },
      expect.objectContaining({
        msg: 'request errored',
        correlationId: 'caller-corr-0004',
        res: { statusCode: 500 },
      }),
    ]);
  });

  it('does not log health probes and metric scrapes, nor anything below the configured level', async () => {
    const quiet = await tracedServer();
    await quiet.fastify.inject({ url: '/health/live' });
    expect(quiet.lines).toEqual([]);
    const warnOnly = await tracedServer('warn');
    await warnOnly.fastify.inject({ url: '/products/p-1' });
    expect(warnOnly.lines).toEqual([]);
  });

  it('times requests by route pattern, method and status, and unknown routes as one label', async () => {
    const { fastify, metrics } = await tracedServer();
    await fastify.inject({ url: '/products/p-1' });
    await fastify.inject({ url: '/products/p-2' });
    await fastify.inject({ url: '/no/such/route' });
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/products/:id",status="200"} 2',
    );
    expect(text).toContain(
      `http_request_duration_seconds_count{method="GET",route="${UNMATCHED_ROUTE}",status="404"} 1`,
    );
  });
});
