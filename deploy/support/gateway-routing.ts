import { K8sObject, ofKind } from './manifests';

/** The parts of a Gateway API HTTPRoute the routing tests read. */
export interface HttpRoute extends K8sObject {
  readonly spec: {
    readonly parentRefs: { readonly name: string; readonly sectionName?: string }[];
    readonly rules: {
      readonly matches: { readonly path: { readonly type: string; readonly value: string } }[];
      readonly backendRefs: { readonly name: string; readonly port: number }[];
    }[];
  };
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

/** Every backend Service whose route has a rule matching the path (the query string is ignored). */
export function backendsFor(objects: readonly K8sObject[], url: string): string[] {
  const path = url.split('?')[0];
  const backends = new Set<string>();
  for (const route of ofKind<HttpRoute>(objects, 'HTTPRoute')) {
    for (const rule of route.spec.rules) {
      if (rule.matches.some((m) => pathMatches(m.path, path)))
        rule.backendRefs.forEach((b) => backends.add(b.name));
    }
  }
  return [...backends];
}

/** A route path from a controller (`/products/:id/offers`) made concrete (`/products/p-1/offers`). */
export function concretePath(routePath: string): string {
  return routePath.replace(/:([A-Za-z0-9_]+)/g, (_whole, name: string) => `${name}-1`);
}
