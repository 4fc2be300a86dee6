import fastify, { FastifyInstance } from 'fastify';
import { secureResponses } from '../bootstrap/response-headers';
import { allowedMethods, answerFrameworkError, clientErrorAnswer, rawAnswer } from './fastify-errors';

describe("Fastify's own refusals in the one error shape", () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = fastify({ frameworkErrors: answerFrameworkError });
    secureResponses(app);
    app.get('/products/:id', () => ({ ok: true }));
    app.get('/products', () => []);
    app.post('/products', () => ({}));
    await app.ready();
  });

  afterAll(() => app.close());

  it('answers a path that is not valid percent-encoding with BAD_URL, without quoting it', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/products/%E0%A4%A<b>',
      headers: { 'x-correlation-id': 'caller-id-0001', authorization: 'Bearer x' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'BAD_URL',
        message: 'The request path is not a valid URL path.',
        correlationId: 'caller-id-0001',
      },
    });
    expect(response.body).not.toContain('<b>');
    expect(response.headers).toMatchObject({
      'x-correlation-id': 'caller-id-0001',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
  });

  it('makes up a correlation id when the caller sent none or an unusable one', async () => {
    const response = await app.inject({ url: '/%zz', headers: { 'x-correlation-id': 'bad id!' } });
    const { correlationId } = response.json().error;
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['x-correlation-id']).toBe(correlationId);
  });

  it('lists the methods a known path accepts (HEAD comes with GET), and none for an unknown one', () => {
    expect(allowedMethods(app, '/products?q=x')).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowedMethods(app, '/products/p-1')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods(app, '/nothing-here')).toEqual([]);
  });
});

describe("answers to what Node's HTTP parser refuses", () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'HEADERS_TOO_LARGE'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'REQUEST_TIMEOUT'],
    ['HPE_INVALID_METHOD', 400, 'BAD_REQUEST'],
  ])('answers %s with %d %s', (code, status, stable) => {
    expect(clientErrorAnswer(code, 'corr-00000001')).toMatchObject({
      status,
      body: { error: { code: stable, correlationId: 'corr-00000001' } },
    });
  });

  it('writes a whole HTTP/1.1 response that closes the connection', () => {
    const raw = rawAnswer(clientErrorAnswer('HPE_HEADER_OVERFLOW', 'corr-00000001'));
    const [head, body] = raw.split('\r\n\r\n');
    const [statusLine, ...headerLines] = head.split('\r\n');
    const headers = Object.fromEntries(headerLines.map((line) => line.split(': ')));
    expect(statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      'x-content-type-options': 'nosniff',
      'x-correlation-id': 'corr-00000001',
      connection: 'close',
    });
    expect(JSON.parse(body)).toEqual({
      error: {
        code: 'HEADERS_TOO_LARGE',
        message: 'The request headers are larger than the server accepts.',
        correlationId: 'corr-00000001',
      },
    });
  });
});
