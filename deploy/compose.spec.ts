import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICE_NAMES, SERVICE_SPECS } from '@app/contracts';
import { LOCAL_DEV_JWT_SECRET, loadAppConfig, REQUIRED_ENV } from '@app/platform';
import { imageConfig, ParsedDockerfile, parseDockerfile } from './support/dockerfile';
import { REPO_ROOT, requireTools, run, runOrThrow, TOOL_PATHS } from './support/tools';
import { WEB_APP, WEB_UPSTREAMS, webConfigSource, webRouteHandlerExists } from './support/web-app';

jest.setTimeout(60_000);

interface ComposeService {
  readonly profiles?: string[];
  readonly image?: string;
  readonly build?: { readonly context: string; readonly dockerfile: string; readonly target?: string };
  readonly command?: string[] | null;
  readonly environment?: Record<string, string | null>;
  readonly ports?: { readonly target: number; readonly published: string; readonly host_ip?: string }[];
  readonly healthcheck?: { readonly test: string[] };
  readonly depends_on?: Record<string, { readonly condition: string }>;
  readonly restart?: string;
  readonly read_only?: boolean;
  readonly tmpfs?: string[];
  readonly cap_drop?: string[];
  readonly security_opt?: string[];
  readonly stop_grace_period?: string;
}
interface ComposeProject {
  readonly services: Record<string, ComposeService>;
}

const COMPOSE_FILE = join(REPO_ROOT, 'docker-compose.yml');

/** compose-go's resolved project, as `docker compose --profile ... config` would print it. */
function loadCompose(profiles: string, file = COMPOSE_FILE): ComposeProject {
  return JSON.parse(
    runOrThrow(TOOL_PATHS.offlineCheck, ['compose', '-profiles', profiles, file]),
  ) as ComposeProject;
}

function durationMs(text: string | undefined): number {
  const match = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(text ?? '');
  if (!match || !text) throw new Error(`unsupported duration ${text}`);
  return (Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 1000;
}

/** `host:port` of a Kafka listener the compose network can reach, from the broker's own settings. */
function internalKafkaListener(kafka: ComposeService): string {
  const advertised = (kafka.environment?.KAFKA_ADVERTISED_LISTENERS ?? '').split(',');
  const interBroker = kafka.environment?.KAFKA_INTER_BROKER_LISTENER_NAME;
  const listener = advertised.find((l) => l.startsWith(`${interBroker}://`));
  if (!listener) throw new Error('kafka advertises no inter-broker listener');
  return listener.slice(`${interBroker}://`.length);
}

describe('docker-compose.yml', () => {
  let project: ComposeProject;
  let dockerfile: ParsedDockerfile;

  beforeAll(() => {
    requireTools();
    project = loadCompose('infra,app');
    dockerfile = parseDockerfile();
  });

  it('validates with compose-go for the infra profile alone and for infra + app', () => {
    expect(Object.keys(loadCompose('infra').services).sort()).toEqual(['kafka', 'mongodb']);
    expect(Object.keys(project.services).sort()).toEqual(
      ['kafka', 'mongodb', 'kafka-topics', 'demo-loader', WEB_APP.name, ...SERVICE_NAMES].sort(),
    );
  });

  it('refuses a broken file (the check can fail)', () => {
    const broken = readFileSync(COMPOSE_FILE, 'utf8').replace(
      '      kafka-topics:\n        condition: service_completed_successfully',
      '      kafka-topic:\n        condition: service_completed_successfully',
    );
    expect(broken).not.toBe(readFileSync(COMPOSE_FILE, 'utf8'));
    const file = join(mkdtempSync(join(tmpdir(), 'compose-')), 'docker-compose.yml');
    writeFileSync(file, broken);
    const result = run(TOOL_PATHS.offlineCheck, ['compose', '-profiles', 'infra,app', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/kafka-topic/);
  });

  describe.each(SERVICE_NAMES)('%s', (service) => {
    const port = SERVICE_SPECS[service].port;
    const svc = () => project.services[service];

    it('is built from its own Dockerfile target, in the app profile', () => {
      expect(svc().profiles).toEqual(['app']);
      expect(svc().build).toMatchObject({ dockerfile: 'Dockerfile', target: service });
      expect(dockerfile.stages.map((s) => s.name)).toContain(service);
      expect(svc().command ?? null).toBeNull();
    });

    it('publishes its port on the host, as in libs/contracts and the image', () => {
      expect(svc().ports).toEqual([
        expect.objectContaining({ target: port, published: String(port), host_ip: '127.0.0.1' }),
      ]);
      expect(imageConfig(dockerfile, service).exposed).toEqual([String(port)]);
    });

    it('is healthy when /health/ready answers, exactly as the image checks it', () => {
      expect(svc().healthcheck?.test).toEqual(imageConfig(dockerfile, service).healthcheck);
      expect(svc().healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${port}/health/ready`);
    });

    it('starts after Kafka and MongoDB are healthy and the topics exist', () => {
      expect(svc().depends_on).toEqual({
        kafka: expect.objectContaining({ condition: 'service_healthy' }),
        mongodb: expect.objectContaining({ condition: 'service_healthy' }),
        'kafka-topics': expect.objectContaining({ condition: 'service_completed_successfully' }),
      });
    });

    it('gets every required variable; image + compose environment passes loadAppConfig', () => {
      const env = { ...imageConfig(dockerfile, service).env, ...svc().environment } as Record<string, string>;
      for (const required of REQUIRED_ENV) expect(required.split('|').some((name) => env[name])).toBe(true);
      const config = loadAppConfig(service, env);
      expect(config.http).toEqual({ host: '0.0.0.0', port });
      expect(config.mongo.uri).toMatch(
        new RegExp(`^mongodb://mongodb:27017/${SERVICE_SPECS[service].database}\\?`),
      );
      expect(config.kafka.brokers).toEqual([internalKafkaListener(project.services.kafka)]);
      // Tokens from `npm run token` work against compose by default.
      expect(config.auth.jwtSecret).toBe(LOCAL_DEV_JWT_SECRET);
      expect(durationMs(svc().stop_grace_period)).toBeGreaterThan(config.shutdownGraceMs);
    });

    it('runs read-only, without capabilities or privilege escalation', () => {
      expect(svc()).toMatchObject({
        read_only: true,
        tmpfs: ['/tmp'],
        cap_drop: ['ALL'],
        security_opt: ['no-new-privileges:true'],
      });
    });
  });

  describe('web (the storefront)', () => {
    const web = () => project.services[WEB_APP.name];
    const image = () => imageConfig(dockerfile, WEB_APP.name);

    it('is built from the web Dockerfile target, in the app profile, and publishes port 3000 on the host', () => {
      expect(web().profiles).toEqual(['app']);
      expect(web().build).toMatchObject({ dockerfile: 'Dockerfile', target: WEB_APP.name });
      expect(web().command ?? null).toBeNull();
      expect(web().ports).toEqual([
        expect.objectContaining({
          target: WEB_APP.port,
          published: String(WEB_APP.port),
          host_ip: '127.0.0.1',
        }),
      ]);
      expect(image().exposed).toEqual([String(WEB_APP.port)]);
    });

    it('is healthy when its readiness route answers, exactly as the image checks it', () => {
      expect(web().healthcheck?.test).toEqual(image().healthcheck);
      expect(web().healthcheck?.test.join(' ')).toContain(
        `http://127.0.0.1:${WEB_APP.port}${WEB_APP.readyPath}`,
      );
      expect(webRouteHandlerExists(WEB_APP.readyPath)).toBe(true);
    });

    it('starts once the four services are healthy, and needs nothing else', () => {
      expect(web().depends_on).toEqual(
        Object.fromEntries(
          SERVICE_NAMES.map((s) => [s, expect.objectContaining({ condition: 'service_healthy' })]),
        ),
      );
    });

    it("calls each service at its name and port on the compose network, through the app's own variables", () => {
      const env = { ...image().env, ...web().environment } as Record<string, string>;
      const config = webConfigSource();
      for (const { service, variable } of WEB_UPSTREAMS) {
        expect(config).toMatch(new RegExp(`\\b${variable}\\b`));
        expect({ variable, url: env[variable] }).toEqual({
          variable,
          url: `http://${service}:${SERVICE_SPECS[service].port}`,
        });
        expect(project.services[service].ports?.[0]?.target).toBe(SERVICE_SPECS[service].port);
      }
      // Next's standalone server binds to HOSTNAME and PORT.
      expect(env).toMatchObject({ HOSTNAME: '0.0.0.0', PORT: String(WEB_APP.port), NODE_ENV: 'production' });
      expect(env.SITE_URL).toBe(`http://127.0.0.1:${WEB_APP.port}`);
    });

    it('signs in locally with the key the services verify', () => {
      const env = web().environment ?? {};
      expect(env.WEB_AUTH_MODE).toBe('local');
      expect(webConfigSource()).toMatch(/\bWEB_AUTH_MODE\b/);
      expect(env.AUTH_JWT_SECRET).toBe(LOCAL_DEV_JWT_SECRET);
      expect(env.AUTH_JWT_SECRET).toBe(project.services.catalog.environment?.AUTH_JWT_SECRET);
    });

    it("runs read-only, without capabilities, writing only to /tmp and Next's cache", () => {
      expect(web()).toMatchObject({
        read_only: true,
        cap_drop: ['ALL'],
        security_opt: ['no-new-privileges:true'],
      });
      const [uid, gid] = (image().user ?? '0').split(':');
      expect(web().tmpfs).toEqual(['/tmp', `/app/apps/web/.next/cache:uid=${uid},gid=${gid}`]);
    });
  });

  it('creates the topics once, with the tools in the image, before the services start', () => {
    const topics = project.services['kafka-topics'];
    expect(topics.restart).toBe('no');
    expect(dockerfile.stages.map((s) => s.name)).toContain(topics.build?.target);
    expect(topics.command?.slice(-2)).toEqual(['dist/tools/infra/cli.js', 'up']);
    expect(readFileSync(join(REPO_ROOT, 'tools/infra/cli.ts'), 'utf8')).toMatch(/ensureTopics/);
    expect(topics.environment?.KAFKA_BROKERS).toBe(internalKafkaListener(project.services.kafka));
  });

  it('runs the demo loader once, after every service is healthy', () => {
    const loader = project.services['demo-loader'];
    expect(loader.profiles).toEqual(['app']);
    expect(loader.restart).toBe('no');
    expect(loader.build?.target).toBe('demo-loader');
    expect(loader.command).toEqual(imageConfig(dockerfile, 'demo-loader').cmd);
    expect(loader.depends_on).toEqual(
      Object.fromEntries(
        SERVICE_NAMES.map((s) => [s, expect.objectContaining({ condition: 'service_healthy' })]),
      ),
    );
  });
});
