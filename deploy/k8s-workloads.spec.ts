import { SERVICE_NAMES, SERVICE_SPECS, ServiceName } from '@app/contracts';
import { LOCAL_DEV_JWT_SECRET, loadAppConfig, REQUIRED_ENV } from '@app/platform';
import { appRoutes } from './support/app-routes';
import {
  Container,
  containerEnv,
  K8sObject,
  LabelSelector,
  named,
  ofKind,
  Overlay,
  OVERLAYS,
  Probe,
  render,
  selects,
  Workload,
  WORKLOAD_KINDS,
} from './support/manifests';
import { placeholderSecret, unrenderedSecretsAllowed } from './support/secrets';
import { requireTools } from './support/tools';

jest.setTimeout(60_000);

interface Hpa extends K8sObject {
  readonly spec: {
    readonly scaleTargetRef: { readonly kind: string; readonly name: string };
    readonly minReplicas: number;
    readonly maxReplicas: number;
  };
}
interface Pdb extends K8sObject {
  readonly spec: {
    readonly selector: LabelSelector;
    readonly maxUnavailable?: number;
    readonly minAvailable?: number;
  };
}

function appContainer(
  objects: readonly K8sObject[],
  service: ServiceName,
): { deployment: Workload; container: Container } {
  const deployment = named<Workload>(objects, 'Deployment', service);
  const container = deployment.spec.template.spec.containers.find((c) => c.name === service);
  if (!container) throw new Error(`Deployment ${service} has no container named ${service}`);
  return { deployment, container };
}

function probePort(container: Container, probe: Probe | undefined): number | undefined {
  const port = probe?.httpGet?.port;
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

function allContainers(workload: Workload): Container[] {
  return [...workload.spec.template.spec.containers, ...(workload.spec.template.spec.initContainers ?? [])];
}

describe.each(OVERLAYS)('k8s/%s', (overlay: Overlay) => {
  let objects: K8sObject[];

  beforeAll(() => {
    requireTools();
    objects = render(overlay);
  });

  const envOf = (container: Container) => containerEnv(objects, container, placeholderSecret);

  describe.each(SERVICE_NAMES)('%s Deployment', (service) => {
    const spec = SERVICE_SPECS[service];

    it('listens on the port libs/contracts gives the service, and its Service forwards to it', () => {
      const { container } = appContainer(objects, service);
      expect(container.ports).toEqual([{ name: 'http', containerPort: spec.port, protocol: 'TCP' }]);
      const svc = named<
        K8sObject & { spec: { selector: Record<string, string>; ports: { targetPort: string }[] } }
      >(objects, 'Service', service);
      expect(svc.spec.ports.map((p) => p.targetPort)).toEqual(['http']);
      const { deployment } = appContainer(objects, service);
      expect(selects({ matchLabels: svc.spec.selector }, deployment.spec.template.metadata.labels)).toBe(
        true,
      );
    });

    it("probes the app's own health endpoints: live for startup and liveness, ready for readiness", async () => {
      const { container } = appContainer(objects, service);
      const config = loadAppConfig(service, envOf(container).values);
      const routes = (await appRoutes(service, config)).all
        .filter((r) => r.method === 'GET')
        .map((r) => r.path);

      expect(container.startupProbe?.httpGet?.path).toBe('/health/live');
      expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
      expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
      for (const probe of [container.startupProbe, container.livenessProbe, container.readinessProbe]) {
        expect(routes).toContain(probe?.httpGet?.path);
        expect(probePort(container, probe)).toBe(spec.port);
      }
      const startupBudget =
        (container.startupProbe?.periodSeconds ?? 10) * (container.startupProbe?.failureThreshold ?? 3);
      expect(startupBudget).toBeGreaterThanOrEqual(60);
    });

    it('gets every variable its config requires, and the environment passes loadAppConfig', () => {
      const { container } = appContainer(objects, service);
      const { values } = envOf(container);
      for (const required of REQUIRED_ENV) {
        expect(required.split('|').some((name) => values[name] !== undefined)).toBe(true);
      }
      const config = loadAppConfig(service, values);
      expect(config.http).toEqual({ host: '0.0.0.0', port: spec.port });
      expect(config.kafka.clientId).toBe(service);
      expect(config.kafka.topicPrefix).toBe('');
    });

    it('connects to its own database as its own user, on every member of the replica set', () => {
      const { container } = appContainer(objects, service);
      const { values, sources } = envOf(container);
      const uri = loadAppConfig(service, values).mongo.uri;
      const match = /^mongodb:\/\/([^:]+):([^@]+)@([^/]+)\/([^?]+)\?(.*)$/.exec(uri);
      expect(match).not.toBeNull();
      const [, user, , hosts, database, query] = match as RegExpExecArray;
      const params = new URLSearchParams(query);
      expect({ user, database, authSource: params.get('authSource') }).toEqual({
        user: service,
        database: spec.database,
        authSource: spec.database,
      });
      const mongodb = named<Workload & { spec: { serviceName: string } }>(objects, 'StatefulSet', 'mongodb');
      const members = [...Array(mongodb.spec.replicas ?? 1).keys()].map(
        (i) => `mongodb-${i}.${mongodb.spec.serviceName}:27017`,
      );
      expect(hosts.split(',')).toEqual(members);
      expect(params.get('replicaSet')).toBe('rs0');
      expect(sources.MONGODB_PASSWORD).toMatchObject({ kind: 'Secret', key: 'password' });
      // kustomize appends a content hash to the Secrets it generates (dev).
      expect(sources.MONGODB_PASSWORD).toMatchObject({
        name: expect.stringMatching(new RegExp(`^${service}-mongodb(-[a-z0-9]{10})?$`)),
      });
    });

    it('authenticates to Kafka as its own KafkaUser on the listener KAFKA_BROKERS points at', () => {
      const { container } = appContainer(objects, service);
      const { values, sources } = envOf(container);
      const kafka = ofKind<
        K8sObject & {
          spec: { kafka: { listeners: { port: number; authentication?: { type: string } }[] } };
        }
      >(objects, 'Kafka');
      expect(kafka).toHaveLength(1);
      const [port] = values.KAFKA_BROKERS.split(':').slice(1);
      const listener = kafka[0].spec.kafka.listeners.find((l) => l.port === Number(port));
      expect(values.KAFKA_BROKERS).toBe(`${kafka[0].metadata.name}-kafka-bootstrap:${port}`);
      expect(listener?.authentication?.type).toBe(values.KAFKA_SASL_MECHANISM);
      const user = named<K8sObject & { spec: { authentication: { type: string } } }>(
        objects,
        'KafkaUser',
        service,
      );
      expect(values.KAFKA_SASL_USERNAME).toBe(user.metadata.name);
      expect(user.spec.authentication.type).toBe(values.KAFKA_SASL_MECHANISM);
      expect(sources.KAFKA_SASL_PASSWORD).toEqual({
        kind: 'Secret',
        name: service,
        key: 'password',
        rendered: false,
      });
    });

    it('verifies tokens the way the overlay intends', () => {
      const { container } = appContainer(objects, service);
      const config = loadAppConfig(service, envOf(container).values);
      if (overlay === 'prod') {
        expect(config.env).toBe('production');
        expect(config.auth.jwtSecret).toBeUndefined();
        expect(config.auth.jwksUrl).toMatch(/^https:\/\//);
      } else {
        // `npm run token` signs with the public development secret.
        expect(config.auth.jwtSecret).toBe(LOCAL_DEV_JWT_SECRET);
        expect(config.env).toBe('development');
      }
    });

    it('shows docs and health details only outside prod, and serves /metrics for Prometheus in both', async () => {
      const { container } = appContainer(objects, service);
      const config = loadAppConfig(service, envOf(container).values);
      const open = overlay !== 'prod';
      expect({ docs: config.docsEnabled, healthDetails: config.healthDetailsEnabled }).toEqual({
        docs: open,
        healthDetails: open,
      });
      const routes = (await appRoutes(service, config)).all
        .filter((r) => r.method === 'GET')
        .map((r) => r.path);
      expect(routes).toContain('/metrics');
      expect(routes.includes('/health/details')).toBe(open);
    });

    it('lets the drain finish: grace period > preStop sleep + SHUTDOWN_GRACE_MS', () => {
      const { deployment, container } = appContainer(objects, service);
      const config = loadAppConfig(service, envOf(container).values);
      const preStopMs = (container.lifecycle?.preStop?.sleep?.seconds ?? 0) * 1000;
      expect(preStopMs).toBeGreaterThan(0);
      const graceMs = (deployment.spec.template.spec.terminationGracePeriodSeconds ?? 30) * 1000;
      expect(graceMs).toBeGreaterThan(preStopMs + config.shutdownGraceMs);
    });

    it('runs a tagged image of its own', () => {
      const { container } = appContainer(objects, service);
      const match = new RegExp(`^(.+/)?bookstore-marketplace/${service}:([^:/]+)$`).exec(container.image);
      expect(match).not.toBeNull();
      expect(match?.[2]).not.toBe('latest');
      if (overlay === 'prod') expect(match?.[1]).toMatch(/^[a-z0-9.-]+\.[a-z]+\//);
    });

    it('scales with an autoscaler; prod keeps two replicas, spread over nodes, with a disruption budget', () => {
      const hpa = ofKind<Hpa>(objects, 'HorizontalPodAutoscaler').filter(
        (h) => h.spec.scaleTargetRef.name === service,
      );
      expect(hpa).toHaveLength(1);
      expect(hpa[0].spec.scaleTargetRef.kind).toBe('Deployment');
      expect(hpa[0].spec.maxReplicas).toBeGreaterThanOrEqual(hpa[0].spec.minReplicas);
      const { deployment } = appContainer(objects, service);
      const podLabels = deployment.spec.template.metadata.labels;
      const pdbs = ofKind<Pdb>(objects, 'PodDisruptionBudget').filter((p) =>
        selects(p.spec.selector, podLabels),
      );
      if (overlay === 'prod') {
        expect(hpa[0].spec.minReplicas).toBeGreaterThanOrEqual(2);
        expect(pdbs).toHaveLength(1);
        expect(pdbs[0].spec.maxUnavailable).toBe(1);
        const antiAffinity = deployment.spec.template.spec.affinity?.podAntiAffinity;
        const terms = [
          ...(antiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(
            (t) => t.podAffinityTerm,
          ),
          ...(antiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
        ];
        expect(
          terms.some(
            (t) => t.topologyKey === 'kubernetes.io/hostname' && selects(t.labelSelector, podLabels),
          ),
        ).toBe(true);
      } else {
        expect(hpa[0].spec.minReplicas).toBeGreaterThanOrEqual(1);
      }
    });
  });

  describe('every workload', () => {
    const workloads = () => WORKLOAD_KINDS.flatMap((kind) => ofKind<Workload>(objects, kind));

    it('runs non-root with the default seccomp profile and no service account token', () => {
      expect(workloads().length).toBeGreaterThanOrEqual(SERVICE_NAMES.length + 2);
      for (const workload of workloads()) {
        const pod = workload.spec.template.spec;
        expect({ name: workload.metadata.name, ...pod.securityContext }).toMatchObject({
          name: workload.metadata.name,
          runAsNonRoot: true,
          seccompProfile: { type: 'RuntimeDefault' },
        });
        expect(pod.automountServiceAccountToken).toBe(false);
      }
    });

    it('gives every container a read-only root, no privilege escalation, no capabilities, requests and limits', () => {
      for (const workload of workloads()) {
        for (const container of allContainers(workload)) {
          const where = `${workload.kind}/${workload.metadata.name}/${container.name}`;
          const security = container.securityContext ?? {};
          expect({ where, ...security, capabilities: undefined }).toMatchObject({
            where,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
          });
          expect(security.privileged ?? false).toBe(false);
          expect(security.capabilities?.drop).toContain('ALL');
          expect(security.capabilities?.add ?? []).toEqual([]);
          for (const bound of ['requests', 'limits'] as const) {
            expect({
              where,
              bound,
              cpu: container.resources?.[bound]?.cpu,
              memory: container.resources?.[bound]?.memory,
            }).toEqual({ where, bound, cpu: expect.any(String), memory: expect.any(String) });
          }
        }
      }
    });

    it('references only ConfigMaps and Secrets that exist or are documented as created outside the render', () => {
      const allowed = unrenderedSecretsAllowed(objects, overlay);
      for (const workload of workloads()) {
        for (const container of allContainers(workload)) {
          const { sources } = envOf(container);
          for (const [variable, source] of Object.entries(sources)) {
            if (source.kind === 'literal' || source.rendered) continue;
            expect({
              variable,
              secret: source.name,
              key: source.key,
              allowed: allowed[source.name]?.includes(source.key),
            }).toEqual({ variable, secret: source.name, key: source.key, allowed: true });
          }
        }
      }
    });
  });

  describe('MongoDB replica set', () => {
    it('has as many members as the services are told, behind a headless Service', () => {
      const mongodb = named<Workload & { spec: { serviceName: string } }>(objects, 'StatefulSet', 'mongodb');
      const { values } = envOf(appContainer(objects, 'catalog').container);
      expect(mongodb.spec.replicas).toBe(overlay === 'prod' ? 3 : 1);
      expect(Number(values.MONGODB_REPLICAS)).toBe(mongodb.spec.replicas);
      const headless = named<K8sObject & { spec: { clusterIP: string; selector: Record<string, string> } }>(
        objects,
        'Service',
        mongodb.spec.serviceName,
      );
      expect(headless.spec.clusterIP).toBe('None');
      expect(selects({ matchLabels: headless.spec.selector }, mongodb.spec.template.metadata.labels)).toBe(
        true,
      );
    });

    it('creates one user per service database, with the password that service connects with', () => {
      const job = named<Workload>(objects, 'Job', 'mongodb-init');
      const { values, sources } = envOf(job.spec.template.spec.containers[0]);
      const databases = SERVICE_NAMES.map((s) => SERVICE_SPECS[s].database);
      // The Job initiates the replica set with this many members.
      expect(Number(values.MONGODB_REPLICAS)).toBe(
        named<Workload>(objects, 'StatefulSet', 'mongodb').spec.replicas,
      );
      expect(values.MARKETPLACE_DATABASES.split(',').sort()).toEqual([...databases].sort());
      for (const service of SERVICE_NAMES) {
        const serviceSource = envOf(appContainer(objects, service).container).sources.MONGODB_PASSWORD;
        expect(sources[`${SERVICE_SPECS[service].database.toUpperCase()}_PASSWORD`]).toEqual(serviceSource);
      }
    });

    if (overlay === 'prod') {
      it('puts members on different nodes', () => {
        const mongodb = named<Workload>(objects, 'StatefulSet', 'mongodb');
        const terms =
          mongodb.spec.template.spec.affinity?.podAntiAffinity
            ?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
        expect(
          terms.some(
            (t) =>
              t.topologyKey === 'kubernetes.io/hostname' &&
              selects(t.labelSelector, mongodb.spec.template.metadata.labels),
          ),
        ).toBe(true);
      });
    }
  });
});
