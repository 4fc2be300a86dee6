import { DynamicModule } from '@nestjs/common';
import { ServiceName } from '@app/contracts';
import { AppConfig } from '@app/platform';
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
      expect(docs.body.openapi).toMatch(/^3\./);
      expect(Object.keys(docs.body.paths)).toContain('/auth/session');
    });

    it('answers an unknown route with the stable error shape and echoes the correlation id', async () => {
      const response = await getJson(`${svc.url}/no-such-route`, { 'x-correlation-id': 'test-corr-0001' });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        error: { code: 'ROUTE_NOT_FOUND', message: expect.any(String), correlationId: 'test-corr-0001' },
      });
      expect(response.headers.get('x-correlation-id')).toBe('test-corr-0001');
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
