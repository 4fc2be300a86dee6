import fastify from 'fastify';
import { secureResponses, securityHeaders } from './response-headers';

describe('response headers', () => {
  it('forbids type sniffing always, and caching when the request carries credentials', () => {
    expect(securityHeaders({})).toEqual({ 'x-content-type-options': 'nosniff' });
    expect(securityHeaders({ authorization: 'Bearer t' })).toEqual({
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
  });

  it('sets them on every answer, over a cache header a handler chose', async () => {
    const app = fastify();
    secureResponses(app);
    app.get('/public', (_request, reply) => reply.header('cache-control', 'public, max-age=60').send({}));
    const anonymous = await app.inject({ url: '/public' });
    const signedIn = await app.inject({ url: '/public', headers: { authorization: 'Bearer t' } });
    const unknown = await app.inject({ url: '/nowhere' });
    await app.close();
    expect(anonymous.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=60',
    });
    expect(signedIn.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    expect(unknown.headers['x-content-type-options']).toBe('nosniff');
  });
});
