import { backendsFor, Gateway, hostMatches, HttpRoute, listenerFor, redirectsFor } from './gateway-routing';

const gateway: Gateway = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { name: 'gw' },
  spec: {
    listeners: [
      { name: 'any', protocol: 'HTTP', port: 80 },
      { name: 'wild', protocol: 'HTTP', port: 80, hostname: '*.shop.example' },
      { name: 'www', protocol: 'HTTP', port: 80, hostname: 'www.shop.example' },
      { name: 'www-tls', protocol: 'HTTPS', port: 443, hostname: 'www.shop.example' },
    ],
  },
};

function route(name: string, sectionName: string | undefined, rule: HttpRoute['spec']['rules'][number]) {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name },
    spec: { parentRefs: [{ name: 'gw', ...(sectionName ? { sectionName } : {}) }], rules: [rule] },
  } as HttpRoute;
}

const objects = [
  gateway,
  route('api', 'any', {
    matches: [{ path: { type: 'PathPrefix', value: '/reviews' } }],
    backendRefs: [{ name: 'reviews', port: 80 }],
  }),
  route('web', 'www-tls', { backendRefs: [{ name: 'web', port: 80 }] }),
  route('redirect', 'www', { filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https' } }] }),
  route('everywhere', undefined, {
    matches: [{ path: { type: 'Exact', value: '/status' } }],
    backendRefs: [{ name: 'status', port: 80 }],
  }),
];

describe('Gateway listener selection', () => {
  it('matches exact and wildcard host names; a listener without one matches any host', () => {
    expect(hostMatches(undefined, 'anything.example')).toBe(true);
    expect(hostMatches('www.shop.example', 'www.shop.example')).toBe(true);
    expect(hostMatches('*.shop.example', 'a.b.shop.example')).toBe(true);
    expect(hostMatches('*.shop.example', 'shop.example')).toBe(false);
    expect(hostMatches('www.shop.example', 'api.shop.example')).toBe(false);
  });

  it('lands a request on the most specific listener of its port', () => {
    expect(listenerFor(gateway, { host: 'www.shop.example', port: 80 })?.name).toBe('www');
    expect(listenerFor(gateway, { host: 'img.shop.example', port: 80 })?.name).toBe('wild');
    expect(listenerFor(gateway, { host: 'api.other.example', port: 80 })?.name).toBe('any');
    expect(listenerFor(gateway, { host: 'www.shop.example', port: 443 })?.name).toBe('www-tls');
    expect(listenerFor(gateway, { host: 'api.other.example', port: 443 })).toBeUndefined();
  });
});

describe('routing by host', () => {
  it('uses only the routes attached to that listener (or to the whole Gateway)', () => {
    const api = { host: 'api.other.example', port: 80 };
    const web = { host: 'www.shop.example', port: 443 };
    expect(backendsFor(objects, '/reviews/r-1', api)).toEqual(['reviews']);
    expect(backendsFor(objects, '/reviews/r-1', web)).toEqual(['web']);
    expect(backendsFor(objects, '/status', api)).toEqual(['status']);
    expect(backendsFor(objects, '/status', web).sort()).toEqual(['status', 'web']);
    // Without an arrival, every route counts (the old host-blind view).
    expect(backendsFor(objects, '/reviews').sort()).toEqual(['reviews', 'web']);
  });

  it('finds redirects, and a rule without matches matches every path', () => {
    const plain = { host: 'www.shop.example', port: 80 };
    expect(backendsFor(objects, '/books/1', plain)).toEqual([]);
    expect(redirectsFor(objects, '/books/1', plain)).toEqual([{ scheme: 'https' }]);
    expect(redirectsFor(objects, '/books/1', { host: 'www.shop.example', port: 443 })).toEqual([]);
  });
});
