import { K8sObject, ofKind } from './manifests';

/** The parts of a Gateway API HTTPRoute the routing tests read. */
export interface HttpRoute extends K8sObject {
  readonly spec: {
    readonly parentRefs: { readonly name: string; readonly sectionName?: string }[];
    readonly hostnames?: string[];
    readonly rules: {
      /** Absent: every path (`PathPrefix /`), as the Gateway API defaults it. */
      readonly matches?: { readonly path: { readonly type: string; readonly value: string } }[];
      readonly backendRefs?: { readonly name: string; readonly port: number }[];
      readonly filters?: {
        readonly type: string;
        readonly requestRedirect?: { readonly scheme?: string; readonly statusCode?: number };
      }[];
    }[];
  };
}

export interface GatewayListener {
  readonly name: string;
  readonly protocol: string;
  readonly port: number;
  readonly hostname?: string;
}

export interface Gateway extends K8sObject {
  readonly spec: { readonly listeners: GatewayListener[] };
}

/** Where a request arrives: the Host header and the gateway port. */
export interface Arrival {
  readonly host: string;
  readonly port: number;
}

/** Gateway API host names: exact, or `*.example.com` for any name one or more labels below it. */
export function hostMatches(pattern: string | undefined, host: string): boolean {
  if (pattern === undefined) return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return pattern === host;
}

/** The listener a request lands on: of those on its port, the most specific matching host name. */
export function listenerFor(gateway: Gateway, at: Arrival): GatewayListener | undefined {
  const specificity = (l: GatewayListener) =>
    l.hostname === undefined ? 0 : l.hostname.startsWith('*') ? 1 : 2;
  return gateway.spec.listeners
    .filter((l) => l.port === at.port && hostMatches(l.hostname, at.host))
    .sort((a, b) => specificity(b) - specificity(a))[0];
}

/** The routes serving requests that land on a listener: attached to it (or to the whole Gateway). */
export function routesOn(objects: readonly K8sObject[], gateway: Gateway, at: Arrival): HttpRoute[] {
  const listener = listenerFor(gateway, at);
  if (!listener) return [];
  return ofKind<HttpRoute>(objects, 'HTTPRoute').filter(
    (route) =>
      route.spec.parentRefs.some(
        (p) =>
          p.name === gateway.metadata.name &&
          (p.sectionName === undefined || p.sectionName === listener.name),
      ) && (route.spec.hostnames ?? [undefined]).some((h) => hostMatches(h, at.host)),
  );
}

/**
 * Gateway API path matching: `PathPrefix` matches whole path elements (`/reviews` matches
 * `/reviews` and `/reviews/1`, not `/reviewsx`); our `RegularExpression`s are anchored, so RE2's
 * full match (Envoy) and a search give the same answer.
 */
export function pathMatches(match: { type: string; value: string }, path: string): boolean {
  switch (match.type) {
    case 'PathPrefix': {
      const prefix = match.value.replace(/\/+$/, '');
      return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
    }
    case 'Exact':
      return path === match.value;
    case 'RegularExpression':
      return new RegExp(match.value).test(path);
    default:
      throw new Error(`unknown path match type ${match.type}`);
  }
}

type Rule = HttpRoute['spec']['rules'][number];

function rulesMatching(routes: readonly HttpRoute[], url: string): Rule[] {
  const path = url.split('?')[0];
  return routes.flatMap((route) =>
    route.spec.rules.filter((rule) =>
      (rule.matches ?? [{ path: { type: 'PathPrefix', value: '/' } }]).some((m) => pathMatches(m.path, path)),
    ),
  );
}

function gatewayOf(objects: readonly K8sObject[]): Gateway {
  const gateways = ofKind<Gateway>(objects, 'Gateway');
  if (gateways.length !== 1) throw new Error(`expected one Gateway, found ${gateways.length}`);
  return gateways[0];
}

/**
 * Every backend Service whose route has a rule matching the path (the query string is ignored):
 * of the routes on the listener the request lands on when `at` is given, else of every route.
 */
export function backendsFor(objects: readonly K8sObject[], url: string, at?: Arrival): string[] {
  const routes = at ? routesOn(objects, gatewayOf(objects), at) : ofKind<HttpRoute>(objects, 'HTTPRoute');
  const backends = new Set<string>();
  for (const rule of rulesMatching(routes, url))
    (rule.backendRefs ?? []).forEach((b) => backends.add(b.name));
  return [...backends];
}

/** The redirects (`RequestRedirect` filters) a request meets on the listener it lands on. */
export function redirectsFor(objects: readonly K8sObject[], url: string, at: Arrival) {
  return rulesMatching(routesOn(objects, gatewayOf(objects), at), url).flatMap((rule) =>
    (rule.filters ?? []).flatMap((f) =>
      f.type === 'RequestRedirect' && f.requestRedirect ? [f.requestRedirect] : [],
    ),
  );
}

/** A route path from a controller (`/products/:id/offers`) made concrete (`/products/p-1/offers`). */
export function concretePath(routePath: string): string {
  return routePath.replace(/:([A-Za-z0-9_]+)/g, (_whole, name: string) => `${name}-1`);
}
