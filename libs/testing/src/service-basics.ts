import { readFileSync } from 'node:fs';
import { DynamicModule } from '@nestjs/common';
import { ServiceName } from '@app/contracts';
import { AppConfig } from '@app/platform';
import { documentPath } from '../../../tools/openapi/openapi-paths';
import { expectEventually } from './expect-eventually';
import { startTestService, TestService } from './test-service';
import { testToken, unsignedToken } from './tokens';

async function getJson(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

/**
 * What every service must do whatever its features: health, metrics, docs, error shape and the
 * bearer-token rules, checked over HTTP against the real broker and store. Each app's integration
 * suite calls this once.
 */
export function describeServiceBasics(
  service: ServiceName,
  moduleFor: (config: AppConfig) => DynamicModule,
): void {
  describe(`${service} service basics`, () => {
    let svc: TestService;

    beforeAll(async () => {
      svc = await startTestService(service, moduleFor);
    });

    afterAll(async () => {
      await svc?.close();
    });

    it('is live and ready, and reports the store and Kafka healthy in its details', async () => {
      expect((await getJson(`${svc.url}/health/live`)).status).toBe(200);
      expect(await getJson(`${svc.url}/health/ready`)).toMatchObject({
        status: 200,
        body: { status: 'up', components: { database: { status: 'up' } } },
      });
      await expectEventually(async () =>
        expect(await getJson(`${svc.url}/health/details`)).toMatchObject({
          status: 200,
          body: { components: { database: { status: 'up' }, kafka: { status: 'up' } } },
        }),
      );
    });

    it('serves Prometheus metrics and its OpenAPI document', async () => {
      await getJson(`${svc.url}/health/live`);
      const metrics = await fetch(`${svc.url}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(
        /http_request_duration_seconds_count\{[^}]*route="\/health\/live"/,
      );
      const docs = await getJson(`${svc.url}/docs/json`);
      expect(docs.status).toBe(200);
      expect(docs.body.openapi).toBe('3.1.0');
      // The committed copy clients generate from is what the service serves (`npm run openapi`).
      expect(docs.body).toEqual(JSON.parse(readFileSync(documentPath(service), 'utf8')));
    });

    it('answers an unknown route with the stable error shape and echoes the correlation id', async () => {
      const response = await getJson(`${svc.url}/no-such-route`, { 'x-correlation-id': 'test-corr-0001' });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        error: { code: 'ROUTE_NOT_FOUND', message: expect.any(String), correlationId: 'test-corr-0001' },
      });
      expect(response.headers.get('x-correlation-id')).toBe('test-corr-0001');
    });

    describe('what Fastify refuses before any route runs, in the same shape', () => {
      it('answers a path that is not valid percent-encoding with BAD_URL, not quoting the path', async () => {
        const response = await getJson(`${svc.url}/health/%E0%A4%A<x>`, {
          'x-correlation-id': 'test-corr-0002',
        });
        expect(response).toMatchObject({
          status: 400,
          body: { error: { code: 'BAD_URL', message: expect.any(String), correlationId: 'test-corr-0002' } },
        });
        expect(JSON.stringify(response.body)).not.toMatch(/%E0|<x>/);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      });

      it('answers headers larger than the server reads with 431 HEADERS_TOO_LARGE', async () => {
        const response = await getJson(`${svc.url}/health/live`, { 'x-padding': 'a'.repeat(20_000) });
        expect(response).toMatchObject({
          status: 431,
          body: {
            error: {
              code: 'HEADERS_TOO_LARGE',
              message: expect.any(String),
              correlationId: expect.any(String),
            },
          },
        });
        expect(response.headers.get('x-correlation-id')).toBe(response.body.error.correlationId);
      });

      it('answers a method a known path does not accept with 405 and Allow', async () => {
        const response = await fetch(`${svc.url}/health/live`, { method: 'DELETE' });
        expect(response.status).toBe(405);
        expect(response.headers.get('allow')).toBe('GET, HEAD');
        expect(await response.json()).toEqual({
          error: {
            code: 'METHOD_NOT_ALLOWED',
            message: expect.any(String),
            correlationId: expect.any(String),
          },
        });
      });
    });

    it('forbids type sniffing on every answer and caching of answers to signed-in requests', async () => {
      const open = await getJson(`${svc.url}/health/live`);
      expect(open.headers.get('x-content-type-options')).toBe('nosniff');
      expect(open.headers.get('cache-control')).toBeNull();
      const signedIn = await getJson(`${svc.url}/auth/session`, {
        authorization: `Bearer ${await testToken({ sub: 'acc-8' })}`,
      });
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers.get('x-content-type-options')).toBe('nosniff');
      expect(signedIn.headers.get('cache-control')).toBe('no-store');
    });

    describe('bearer tokens on a signed-in route', () => {
      const route = () => `${svc.url}/auth/session`;
      const withToken = (token: string) => getJson(route(), { authorization: `Bearer ${token}` });

      it('accepts a valid token and shows its claims', async () => {
        const token = await testToken({
          sub: 'acc-7',
          roles: ['seller'],
          sellerId: 's-7',
          ageVerified: true,
        });
        expect(await withToken(token)).toMatchObject({
          status: 200,
          body: { accountId: 'acc-7', roles: ['seller'], sellerId: 's-7', ageVerified: true },
        });
      });

      it('refuses a request without a token', async () => {
        expect(await getJson(route())).toMatchObject({
          status: 401,
          body: { error: { code: 'AUTH_TOKEN_MISSING' } },
        });
      });

      it('refuses a malformed Authorization header', async () => {
        expect(await getJson(route(), { authorization: 'Bearer not-a-jwt' })).toMatchObject({
          status: 401,
          body: { error: { code: 'AUTH_TOKEN_MALFORMED' } },
        });
      });

      it('refuses an expired token', async () => {
        expect(await withToken(await testToken({ ttlSeconds: -60 }))).toMatchObject({
          status: 401,
          body: { error: { code: 'AUTH_TOKEN_EXPIRED', message: expect.stringContaining('expired') } },
        });
      });

      it('refuses an unsigned alg:none token', async () => {
        expect(await withToken(unsignedToken())).toMatchObject({
          status: 401,
          body: { error: { code: 'AUTH_TOKEN_INVALID' } },
        });
      });

      it('refuses a token signed with another key', async () => {
        const forged = await testToken({ secret: 'an-attacker-secret-that-is-long-enough-000000' });
        expect(await withToken(forged)).toMatchObject({
          status: 401,
          body: { error: { code: 'AUTH_TOKEN_INVALID', message: expect.stringContaining('signature') } },
        });
      });
    });
  });
}
