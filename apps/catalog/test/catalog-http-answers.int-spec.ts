import type { ErrorBody } from '@app/platform';
import { startTestService, TestService, testToken } from '@app/testing';
import { CatalogModule } from '../src/catalog.module';

/** Answers of the HTTP layer that need a route with a JSON body, and a service that closes its internals. */
describe('catalog HTTP answers', () => {
  describe('refused bodies', () => {
    let svc: TestService;
    let editor: string;

    beforeAll(async () => {
      svc = await startTestService('catalog', (config) => CatalogModule.register(config));
      editor = await testToken({ sub: 'editor-1', roles: ['catalog-editor'] });
    });

    afterAll(() => svc?.close());

    const post = (body: string, contentType: string) =>
      fetch(`${svc.url}/products`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${editor}`,
          'content-type': contentType,
          'x-correlation-id': 'test-body-0001',
        },
        body,
      });

    it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const response = await post(JSON.stringify({ title: 'a'.repeat(1_100_000) }), 'application/json');
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String), correlationId: 'test-body-0001' },
      });
      expect(response.headers.get('cache-control')).toBe('no-store');
    });

    it('answers JSON that does not parse with BAD_REQUEST, without quoting the body', async () => {
      const response = await post('{"title": <script>', 'application/json');
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(JSON.stringify(body)).not.toContain('script');
      expect(body).toEqual({
        error: {
          code: 'BAD_REQUEST',
          message: expect.any(String),
          correlationId: 'test-body-0001',
        },
      });
    });

    it('answers a content type the route does not read with 415, without quoting it', async () => {
      const response = await post('<product/>', 'application/x-evil-<b>');
      expect(response.status).toBe(415);
      const body = (await response.json()) as ErrorBody;
      expect(body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', correlationId: 'test-body-0001' });
      expect(body.error.message).not.toContain('evil');
    });

    it('answers a method /products does not accept with 405 and the ones it does', async () => {
      const response = await fetch(`${svc.url}/products?q=x`, { method: 'PUT' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
      expect(((await response.json()) as ErrorBody).error.code).toBe('METHOD_NOT_ALLOWED');
    });
  });

  describe('with health details and docs closed', () => {
    let svc: TestService;

    beforeAll(async () => {
      svc = await startTestService('catalog', (config) => CatalogModule.register(config), {
        DOCS_ENABLED: 'false',
        HEALTH_DETAILS_ENABLED: 'false',
      });
    });

    afterAll(() => svc?.close());

    it.each(['/health/details', '/docs', '/docs/json'])('answers %s like an unknown route', async (path) => {
      const response = await fetch(`${svc.url}${path}`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as ErrorBody).error.code).toBe('ROUTE_NOT_FOUND');
    });

    it('still answers probes and Prometheus scrapes', async () => {
      expect((await fetch(`${svc.url}/health/live`)).status).toBe(200);
      expect((await fetch(`${svc.url}/health/ready`)).status).toBe(200);
      const metrics = await fetch(`${svc.url}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('http_request_duration_seconds');
    });
  });
});
