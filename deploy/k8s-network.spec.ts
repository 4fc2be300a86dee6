import { SERVICE_NAMES, SERVICE_SPECS, ServiceName } from '@app/contracts';
import { loadAppConfig } from '@app/platform';
import { appRoutes } from './support/app-routes';
import { backendsFor, concretePath, Gateway, HttpRoute } from './support/gateway-routing';
import {
  containerEnv,
  K8sObject,
  LabelSelector,
  named,
  ofKind,
  Overlay,
  OVERLAYS,
  render,
  selects,
  Workload,
} from './support/manifests';
import { allowedFlows, peerText } from './support/network-policy';
import { placeholderSecret } from './support/secrets';
import { requireTools } from './support/tools';
import { PUBLIC_HOSTS, WEB_APP } from './support/web-app';

jest.setTimeout(60_000);

/** Where the Gateway's Envoy proxies run (Envoy Gateway's default) and where Prometheus scrapes from. */
const GATEWAY_NAMESPACE = 'envoy-gateway-system';
const PROMETHEUS_PEER = 'ns{kubernetes.io/metadata.name=monitoring}/pod{app.kubernetes.io/name=prometheus}';
const DNS_PEER = 'ns{kubernetes.io/metadata.name=kube-system}/pod{k8s-app=kube-dns}';

/** docs/architecture.md's route table ("Routes"), one request per row, and the service answering it. */
const ROUTE_TABLE: Readonly<Record<ServiceName, readonly string[]>> = {
  catalog: ['/products', '/products?q=history', '/products/p-1', '/products/p-1/'],
  offers: [
    '/products/p-1/offers',
    '/sellers/me/profile',
    '/sellers/me/offers',
    '/sellers/me/offers/o-1',
    '/sellers/me/inventory-feeds',
    '/sellers/me/inventory-feeds/f-1',
  ],
  reviews: [
    '/products/p-1/reviews',
    '/pen-names',
    '/pen-names/ReaderOne',
    '/reviews',
    '/reviews/check',
    '/reviews/r-1',
    '/reviews/r-1/helpful',
    '/me/reviews',
  ],
  reports: [
    '/reports',
    '/me/reports',
    '/me/moderation',
    '/me/moderation/c-1/appeal',
    '/moderation/cases/c-1',
  ],
};

/** Not for the public: cluster-internal endpoints, and near misses of real routes. */
const UNROUTED = [
  '/health/live',
  '/health/ready',
  '/health/details',
  '/metrics',
  '/docs',
  '/docs/json',
  '/auth/session',
  '/productsx',
  '/products/p-1/offersx',
  '/me',
];

describe.each(OVERLAYS)('k8s/%s network', (overlay: Overlay) => {
  let objects: K8sObject[];

  beforeAll(() => {
    requireTools();
    objects = render(overlay);
  });

  const deployment = (service: ServiceName) => named<Workload>(objects, 'Deployment', service);
  const podLabels = (service: ServiceName) => deployment(service).spec.template.metadata.labels;
  const envOf = (service: ServiceName) =>
    containerEnv(objects, deployment(service).spec.template.spec.containers[0], placeholderSecret).values;

  describe.each(SERVICE_NAMES)('%s NetworkPolicy', (service) => {
    const port = SERVICE_SPECS[service].port;

    it('denies by default and admits only the gateway, the storefront and Prometheus, on the HTTP port', () => {
      const flows = allowedFlows(objects, podLabels(service), { http: port });
      expect(flows.defaultDenyIngress).toBe(true);
      expect([...flows.ingress].sort()).toEqual(
        [
          `ns{kubernetes.io/metadata.name=${GATEWAY_NAMESPACE}} -> TCP/${port}`,
          `pod{app.kubernetes.io/name=${WEB_APP.name}} -> TCP/${port}`,
          `${PROMETHEUS_PEER} -> TCP/${port}`,
        ].sort(),
      );
    });

    it('reaches exactly its dependencies: its store, the Kafka brokers, DNS (and in prod the JWKS endpoint)', () => {
      const flows = allowedFlows(objects, podLabels(service), { http: port });
      const mongodb = named<Workload>(objects, 'StatefulSet', 'mongodb');
      const kafkaName = ofKind(objects, 'Kafka')[0].metadata.name;
      const kafkaPort = envOf(service).KAFKA_BROKERS.split(':')[1];
      const expected = [
        `${peerText({ podSelector: mongodb.spec.selector as LabelSelector })} -> TCP/27017`,
        `pod{strimzi.io/broker-role=true,strimzi.io/cluster=${kafkaName}} -> TCP/${kafkaPort}`,
        `${DNS_PEER} -> UDP/53`,
        `${DNS_PEER} -> TCP/53`,
      ];
      const jwksUrl = loadAppConfig(service, envOf(service)).auth.jwksUrl;
      const egress = [...flows.egress];
      const jwks = egress.filter((flow) => /^cidr:.* -> TCP\/443$/.test(flow));
      expect(flows.defaultDenyEgress).toBe(true);
      expect(egress.filter((flow) => !jwks.includes(flow)).sort()).toEqual(expected.sort());
      expect(jwks).toHaveLength(jwksUrl ? 1 : 0);
      if (jwksUrl) expect(new URL(jwksUrl).protocol).toBe('https:');
    });

    it('is one of the peers the Kafka listener and MongoDB admit', () => {
      const kafka = ofKind<
        K8sObject & {
          spec: { kafka: { listeners: { networkPolicyPeers?: { podSelector: LabelSelector }[] }[] } };
        }
      >(objects, 'Kafka')[0];
      for (const listener of kafka.spec.kafka.listeners) {
        expect(
          (listener.networkPolicyPeers ?? []).some((p) => selects(p.podSelector, podLabels(service))),
        ).toBe(true);
      }
      const mongodbPod = named<Workload>(objects, 'StatefulSet', 'mongodb').spec.template.metadata.labels;
      const mongodbIngress = [...allowedFlows(objects, mongodbPod).ingress];
      const admitted = ofKind<
        K8sObject & {
          spec: { podSelector: LabelSelector; ingress?: { from?: { podSelector?: LabelSelector }[] }[] };
        }
      >(objects, 'NetworkPolicy')
        .filter((p) => selects(p.spec.podSelector, mongodbPod))
        .flatMap((p) => p.spec.ingress ?? [])
        .flatMap((r) => r.from ?? [])
        .some((peer) => selects(peer.podSelector, podLabels(service)));
      expect(admitted).toBe(true);
      expect(mongodbIngress.every((flow) => flow.endsWith('-> TCP/27017'))).toBe(true);
    });
  });

  it('lets nothing else reach MongoDB', () => {
    const mongodbPod = named<Workload>(objects, 'StatefulSet', 'mongodb').spec.template.metadata.labels;
    const flows = allowedFlows(objects, mongodbPod);
    expect(flows.defaultDenyIngress).toBe(true);
    expect([...flows.ingress]).toEqual([
      'pod{app.kubernetes.io/name In (mongodb,mongodb-init,catalog,offers,reviews,reports)} -> TCP/27017',
    ]);
  });

  describe('Gateway API routing on the API host', () => {
    const apiHost = PUBLIC_HOSTS[overlay].api;

    it.each(SERVICE_NAMES)("sends %s's rows of the route table to it, and only to it", (service) => {
      for (const at of apiHost) {
        for (const path of ROUTE_TABLE[service]) {
          expect({ at, path, backends: backendsFor(objects, path, at) }).toEqual({
            at,
            path,
            backends: [service],
          });
        }
      }
    });

    it.each(SERVICE_NAMES)(
      "routes every public route %s's controllers declare to it alone",
      async (service) => {
        const config = loadAppConfig(service, envOf(service));
        for (const route of (await appRoutes(service, config)).own) {
          const path = concretePath(route.path);
          for (const at of apiHost)
            expect({ route, at, backends: backendsFor(objects, path, at) }).toEqual({
              route,
              at,
              backends: [service],
            });
        }
      },
    );

    it('does not expose health, metrics, docs or near misses', () => {
      for (const at of apiHost)
        for (const path of UNROUTED)
          expect({ path, backends: backendsFor(objects, path, at) }).toEqual({ path, backends: [] });
    });

    it('uses anchored RE2-compatible expressions, attaches to named listeners and targets real Service ports', () => {
      const gateway = named<Gateway>(objects, 'Gateway', 'marketplace');
      const listeners = gateway.spec.listeners.map((l) => l.name);
      expect(listeners.length).toBeGreaterThan(0);
      for (const route of ofKind<HttpRoute>(objects, 'HTTPRoute')) {
        for (const parent of route.spec.parentRefs) {
          expect(parent).toEqual({ name: gateway.metadata.name, sectionName: expect.any(String) });
          expect(listeners).toContain(parent.sectionName);
        }
        for (const rule of route.spec.rules) {
          for (const { path } of rule.matches ?? []) {
            if (path.type !== 'RegularExpression') continue;
            expect(path.value).toMatch(/^\^.*\$$/);
            expect(path.value).not.toMatch(/\(\?[=!<]|\\[1-9]/); // no lookaround or backreference (RE2)
          }
          for (const backend of rule.backendRefs ?? []) {
            const svc = named<K8sObject & { spec: { ports: { port: number }[] } }>(
              objects,
              'Service',
              backend.name,
            );
            expect(svc.spec.ports.map((p) => p.port)).toContain(backend.port);
          }
        }
      }
    });
  });
});
