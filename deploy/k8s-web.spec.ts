import { SERVICE_NAMES, SERVICE_SPECS } from '@app/contracts';
import { LOCAL_DEV_JWT_SECRET } from '@app/platform';
import { backendsFor, Gateway, listenerFor, redirectsFor } from './support/gateway-routing';
import {
  Container,
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
import { allowedFlows } from './support/network-policy';
import { placeholderSecret } from './support/secrets';
import { requireTools } from './support/tools';
import { PUBLIC_HOSTS, WEB_APP, WEB_UPSTREAMS, webRouteHandlerExists } from './support/web-app';

jest.setTimeout(60_000);

const GATEWAY_PEER = 'ns{kubernetes.io/metadata.name=envoy-gateway-system}';
const DNS_PEER = 'ns{kubernetes.io/metadata.name=kube-system}/pod{k8s-app=kube-dns}';
/** Page paths of the storefront, some of which are also API paths on the API host. */
const WEB_PATHS = ['/', '/books/9780804725217/uncertain-partners', '/search?q=goncharov', '/products/p-1'];
const COLLIDING_PATHS = ['/me/reviews', '/me/reports', '/moderation', '/reviews/r-1'];

interface ServiceObject extends K8sObject {
  readonly spec: {
    readonly selector: Record<string, string>;
    readonly ports: { readonly port: number; readonly targetPort: string | number }[];
  };
}
interface Volume {
  readonly name: string;
  readonly emptyDir?: { readonly sizeLimit?: string };
}

describe.each(OVERLAYS)('k8s/%s storefront (web)', (overlay: Overlay) => {
  let objects: K8sObject[];

  beforeAll(() => {
    requireTools();
    objects = render(overlay);
  });

  const deployment = () => named<Workload>(objects, 'Deployment', WEB_APP.name);
  const container = (): Container => {
    const found = deployment().spec.template.spec.containers.find((c) => c.name === WEB_APP.name);
    if (!found) throw new Error('Deployment web has no container named web');
    return found;
  };
  const env = () => containerEnv(objects, container(), placeholderSecret);
  const podLabels = () => deployment().spec.template.metadata.labels;
  const serviceEnv = () =>
    containerEnv(
      objects,
      named<Workload>(objects, 'Deployment', 'catalog').spec.template.spec.containers[0],
      placeholderSecret,
    ).values;

  it('listens on 3000, behind a Service on port 80, probed on its own health routes', () => {
    expect(container().ports).toEqual([{ name: 'http', containerPort: WEB_APP.port, protocol: 'TCP' }]);
    const svc = named<ServiceObject>(objects, 'Service', WEB_APP.name);
    expect(svc.spec.ports).toEqual([expect.objectContaining({ port: 80, targetPort: 'http' })]);
    expect(selects({ matchLabels: svc.spec.selector }, podLabels())).toBe(true);
    const { startupProbe, livenessProbe, readinessProbe } = container();
    expect([startupProbe, livenessProbe, readinessProbe].map((p) => p?.httpGet)).toEqual([
      { path: WEB_APP.livePath, port: 'http' },
      { path: WEB_APP.livePath, port: 'http' },
      { path: WEB_APP.readyPath, port: 'http' },
    ]);
    for (const path of [WEB_APP.livePath, WEB_APP.readyPath])
      expect({ path, served: webRouteHandlerExists(path) }).toEqual({ path, served: true });
    expect(
      (startupProbe?.periodSeconds ?? 10) * (startupProbe?.failureThreshold ?? 3),
    ).toBeGreaterThanOrEqual(60);
  });

  it("binds Next's server to all interfaces and calls each service through its cluster Service", () => {
    const { values } = env();
    expect(values).toMatchObject({ HOSTNAME: '0.0.0.0', PORT: String(WEB_APP.port), NODE_ENV: 'production' });
    for (const { service, variable } of WEB_UPSTREAMS) {
      const url = new URL(values[variable]);
      expect({ variable, protocol: url.protocol, path: url.pathname }).toEqual({
        variable,
        protocol: 'http:',
        path: '/',
      });
      const svc = named<ServiceObject>(objects, 'Service', url.hostname);
      const port = svc.spec.ports.find((p) => p.port === Number(url.port || 80));
      const target = named<Workload>(objects, 'Deployment', service).spec.template.spec.containers[0];
      expect(
        selects(
          { matchLabels: svc.spec.selector },
          named<Workload>(objects, 'Deployment', service).spec.template.metadata.labels,
        ),
      ).toBe(true);
      expect(target.ports?.find((p) => p.name === port?.targetPort)?.containerPort).toBe(
        SERVICE_SPECS[service].port,
      );
    }
  });

  it('knows its public origin: the web host of the Gateway, over HTTPS in prod', () => {
    const site = new URL(env().values.SITE_URL);
    expect(site.hostname).toBe(PUBLIC_HOSTS[overlay].web.host);
    expect(site.protocol).toBe(overlay === 'prod' ? 'https:' : 'http:');
  });

  it('signs in the way the overlay intends, for the audience the services verify', () => {
    const { values, sources } = env();
    expect(values.AUTH_AUDIENCE).toBe(serviceEnv().AUTH_AUDIENCE);
    expect(sources.WEB_SESSION_SECRET).toMatchObject({ kind: 'Secret', key: 'secret' });
    // The app refuses a key under 32 characters; prod's is created outside the render.
    if (sources.WEB_SESSION_SECRET.kind === 'Secret' && sources.WEB_SESSION_SECRET.rendered)
      expect(values.WEB_SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
    else expect(overlay).toBe('prod');
    if (overlay === 'prod') {
      expect(values.WEB_AUTH_MODE).toBe('oidc');
      expect(values.OIDC_ISSUER).toBe(serviceEnv().AUTH_ISSUER);
      expect(values.OIDC_CLIENT_ID).toEqual(expect.any(String));
      expect(values.AUTH_JWT_SECRET).toBeUndefined();
    } else {
      // The development sign-in mints tokens with the key the services accept.
      expect(values.WEB_AUTH_MODE).toBe('local');
      expect(values.AUTH_JWT_SECRET).toBe(LOCAL_DEV_JWT_SECRET);
      expect(values.AUTH_ISSUER).toBe(serviceEnv().AUTH_ISSUER);
    }
  });

  it("writes only to emptyDirs: /tmp and Next's cache", () => {
    const volumes = (deployment().spec.template.spec as unknown as { volumes: Volume[] }).volumes;
    const mounts = (container() as unknown as { volumeMounts: { name: string; mountPath: string }[] })
      .volumeMounts;
    expect(mounts.map((m) => m.mountPath).sort()).toEqual(['/app/apps/web/.next/cache', '/tmp']);
    for (const mount of mounts)
      expect(volumes.find((v) => v.name === mount.name)?.emptyDir?.sizeLimit).toEqual(expect.any(String));
    expect(container().securityContext).toMatchObject({ readOnlyRootFilesystem: true, runAsNonRoot: true });
  });

  it('runs a tagged image of its own; prod keeps two replicas spread over nodes, with a disruption budget', () => {
    const image = /^(.+\/)?bookstore-marketplace\/web:([^:/]+)$/.exec(container().image);
    expect(image?.[2]).toEqual(expect.any(String));
    expect(image?.[2]).not.toBe('latest');
    const hpa = ofKind<K8sObject & { spec: { scaleTargetRef: { name: string }; minReplicas: number } }>(
      objects,
      'HorizontalPodAutoscaler',
    ).filter((h) => h.spec.scaleTargetRef.name === WEB_APP.name);
    expect(hpa).toHaveLength(1);
    const pdbs = ofKind<K8sObject & { spec: { selector: LabelSelector; maxUnavailable?: number } }>(
      objects,
      'PodDisruptionBudget',
    ).filter((p) => selects(p.spec.selector, podLabels()));
    if (overlay === 'prod') {
      expect(image?.[1]).toMatch(/^[a-z0-9.-]+\.[a-z]+\//);
      expect(hpa[0].spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(pdbs.map((p) => p.spec.maxUnavailable)).toEqual([1]);
      const terms =
        deployment().spec.template.spec.affinity?.podAntiAffinity
          ?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
      expect(terms.some((t) => t.podAffinityTerm.topologyKey === 'kubernetes.io/hostname')).toBe(true);
    } else {
      expect(pdbs).toEqual([]);
    }
  });

  describe('NetworkPolicy', () => {
    it('admits only the gateway, on the HTTP port', () => {
      const flows = allowedFlows(objects, podLabels(), { http: WEB_APP.port });
      expect(flows.defaultDenyIngress).toBe(true);
      expect([...flows.ingress]).toEqual([`${GATEWAY_PEER} -> TCP/${WEB_APP.port}`]);
    });

    it('reaches the four services on their HTTP ports and DNS, nothing else in the cluster (prod: the identity provider)', () => {
      const flows = allowedFlows(objects, podLabels());
      expect(flows.defaultDenyEgress).toBe(true);
      const outside = [...flows.egress].filter((f) => f.startsWith('cidr:'));
      expect([...flows.egress].filter((f) => !outside.includes(f)).sort()).toEqual(
        [
          ...SERVICE_NAMES.map((s) => `pod{app.kubernetes.io/name=${s}} -> TCP/${SERVICE_SPECS[s].port}`),
          `${DNS_PEER} -> UDP/53`,
          `${DNS_PEER} -> TCP/53`,
        ].sort(),
      );
      expect(outside).toEqual(overlay === 'prod' ? [expect.stringMatching(/ -> TCP\/443$/)] : []);
    });

    it('is admitted by each service it calls, and by neither MongoDB nor Kafka', () => {
      for (const service of SERVICE_NAMES) {
        const labels = named<Workload>(objects, 'Deployment', service).spec.template.metadata.labels;
        const ingress = [...allowedFlows(objects, labels, { http: SERVICE_SPECS[service].port }).ingress];
        expect(ingress).toContain(
          `pod{app.kubernetes.io/name=${WEB_APP.name}} -> TCP/${SERVICE_SPECS[service].port}`,
        );
      }
      const mongodb = named<Workload>(objects, 'StatefulSet', 'mongodb').spec.template.metadata.labels;
      expect([...allowedFlows(objects, mongodb).ingress].join()).not.toMatch(/\bweb\b/);
      const kafka = ofKind<
        K8sObject & {
          spec: { kafka: { listeners: { networkPolicyPeers?: { podSelector: LabelSelector }[] }[] } };
        }
      >(objects, 'Kafka')[0];
      for (const listener of kafka.spec.kafka.listeners)
        expect((listener.networkPolicyPeers ?? []).some((p) => selects(p.podSelector, podLabels()))).toBe(
          false,
        );
    });
  });

  describe('Gateway', () => {
    const gateway = () => named<Gateway>(objects, 'Gateway', 'marketplace');

    it('serves every storefront path on the web host from the web app alone, API look-alikes included', () => {
      for (const path of [...WEB_PATHS, ...COLLIDING_PATHS]) {
        const at = PUBLIC_HOSTS[overlay].web;
        expect({ path, backends: backendsFor(objects, path, at) }).toEqual({
          path,
          backends: [WEB_APP.name],
        });
      }
    });

    it('keeps the web app off the API host, where API paths stay with their services', () => {
      for (const at of PUBLIC_HOSTS[overlay].api) {
        expect(listenerFor(gateway(), at)?.hostname).not.toBe(PUBLIC_HOSTS[overlay].web.host);
        for (const path of [...WEB_PATHS, ...COLLIDING_PATHS])
          expect({ path, backends: backendsFor(objects, path, at) }).not.toEqual({
            path,
            backends: [WEB_APP.name],
          });
        expect(backendsFor(objects, '/books/9780804725217/uncertain-partners', at)).toEqual([]);
        expect(backendsFor(objects, '/me/reviews', at)).toEqual(['reviews']);
      }
    });

    if (overlay === 'prod') {
      it('serves the web host over HTTPS with its own certificate; plain HTTP only redirects', () => {
        const https = listenerFor(gateway(), PUBLIC_HOSTS.prod.web) as unknown as {
          protocol: string;
          tls: { certificateRefs: { name: string }[] };
        };
        expect(https.protocol).toBe('HTTPS');
        expect(https.tls.certificateRefs).toEqual([expect.objectContaining({ name: 'web-tls' })]);
        const plain = PUBLIC_HOSTS.prod.webRedirected as NonNullable<typeof PUBLIC_HOSTS.prod.webRedirected>;
        for (const path of WEB_PATHS) {
          expect(backendsFor(objects, path, plain)).toEqual([]);
          expect(redirectsFor(objects, path, plain)).toEqual([{ scheme: 'https', statusCode: 301 }]);
        }
      });
    }
  });
});
