import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES, SERVICE_SPECS } from '@app/contracts';
import { dockerIgnored, imageConfig, ParsedDockerfile, parseDockerfile } from './support/dockerfile';
import { named, render, Workload } from './support/manifests';
import { REPO_ROOT, requireTools } from './support/tools';
import { WEB_APP } from './support/web-app';

jest.setTimeout(60_000);

const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  engines: { node: string };
};

/** `node -r a -r b script.js` → modules preloaded and the script. */
function nodeCommand(cmd: readonly string[] | undefined) {
  const args = [...(cmd ?? [])];
  expect(args[0]).toBe('node');
  const preloads: string[] = [];
  for (let i = 1; i < args.length - 1; i += 1)
    if (args[i] === '-r' || args[i] === '--require') preloads.push(args[++i]);
  return { preloads, script: args[args.length - 1] };
}

describe('Dockerfile', () => {
  let dockerfile: ParsedDockerfile;

  beforeAll(() => {
    requireTools();
    dockerfile = parseDockerfile();
  });

  it('parses with BuildKit and passes its linter without a warning', () => {
    expect(dockerfile.warnings).toEqual([]);
    expect(dockerfile.stages.map((s) => s.name)).toEqual(
      expect.arrayContaining([...SERVICE_NAMES, WEB_APP.name, 'demo-loader']),
    );
  });

  it('builds on the Node.js line package.json declares', () => {
    const [major, minor] = dockerfile.args.NODE_VERSION.split('.').map(Number);
    const [, low, high] = /^>=(\d+\.\d+)\s+<(\d+)/.exec(packageJson.engines.node) ?? [];
    const [lowMajor, lowMinor] = low.split('.').map(Number);
    expect(major > lowMajor || (major === lowMajor && minor >= lowMinor)).toBe(true);
    expect(major).toBeLessThan(Number(high));
  });

  describe.each(SERVICE_NAMES)('target %s', (service) => {
    const port = SERVICE_SPECS[service].port;

    it('starts the compiled main of that app', () => {
      const { script } = nodeCommand(imageConfig(dockerfile, service).cmd);
      expect(script).toBe(`dist/apps/${service}/src/main.js`);
      expect(existsSync(join(REPO_ROOT, 'apps', service, 'src', 'main.ts'))).toBe(true);
    });

    it('listens on 0.0.0.0 at the service port, in production mode', () => {
      const image = imageConfig(dockerfile, service);
      expect(image.env).toMatchObject({ HOST: '0.0.0.0', NODE_ENV: 'production' });
      expect(image.exposed).toEqual([String(port)]);
      expect(image.healthcheck).toEqual([
        'CMD',
        'node',
        '-e',
        expect.stringContaining(`'http://127.0.0.1:${port}/health/ready'`),
      ]);
    });

    it('runs as the non-root uid the Kubernetes Deployments declare', () => {
      const [uid, gid] = (imageConfig(dockerfile, service).user ?? '0').split(':').map(Number);
      expect(uid).toBeGreaterThan(0);
      for (const overlay of ['dev', 'prod'] as const) {
        const pod = named<Workload>(render(overlay), 'Deployment', service).spec.template.spec;
        expect(pod.securityContext).toMatchObject({ runAsUser: uid, runAsNonRoot: true });
        expect(gid).toBeGreaterThan(0);
      }
    });

    it('ships production dependencies only, and preloads nothing that is not one', () => {
      const image = imageConfig(dockerfile, service);
      const modules = image.copies.filter((c) => c.dest.includes('node_modules'));
      expect(modules).toHaveLength(1);
      const depsStage = imageConfig(dockerfile, modules[0].from);
      expect(depsStage.runs.some((r) => /npm ci .*--omit=dev/.test(r))).toBe(true);
      expect(image.copies.filter((c) => c.from === 'build').map((c) => c.sources)).toEqual([['/app/dist']]);
      for (const preload of nodeCommand(image.cmd).preloads) {
        const name = preload.split('/')[0];
        // tsconfig-paths resolves @app/* at run time: it must be in "dependencies", not devDependencies.
        expect({ preload: name, production: name in packageJson.dependencies }).toEqual({
          preload: name,
          production: true,
        });
      }
    });
  });

  describe('target web (the storefront)', () => {
    const web = () => imageConfig(dockerfile, WEB_APP.name);

    it("serves Next's standalone server on 0.0.0.0:3000 in production mode, checked on its readiness route", () => {
      expect(web().cmd).toEqual(['node', 'apps/web/server.js']);
      expect(web().env).toMatchObject({
        NODE_ENV: 'production',
        HOSTNAME: '0.0.0.0',
        PORT: String(WEB_APP.port),
      });
      expect(web().exposed).toEqual([String(WEB_APP.port)]);
      expect(web().healthcheck).toEqual([
        'CMD',
        'node',
        '-e',
        expect.stringContaining(`'http://127.0.0.1:${WEB_APP.port}${WEB_APP.readyPath}'`),
      ]);
    });

    it('builds the standalone output and ships only it, the static assets and public/', () => {
      const build = imageConfig(dockerfile, 'web-build');
      expect(build.env.NEXT_OUTPUT).toBe('standalone');
      expect(readFileSync(join(REPO_ROOT, 'apps/web/next.config.ts'), 'utf8')).toMatch(/standalone/);
      expect(build.runs.some((r) => /npm run build:web/.test(r))).toBe(true);
      expect(web().copies).toEqual([
        { from: 'web-build', sources: ['/app/apps/web/.next/standalone'], dest: './' },
        { from: 'web-build', sources: ['/app/apps/web/.next/static'], dest: './apps/web/.next/static' },
        { from: 'web-build', sources: ['/app/apps/web/public'], dest: './apps/web/public' },
      ]);
    });

    it('runs as the non-root uid the Kubernetes Deployment declares', () => {
      const [uid, gid] = (web().user ?? '0').split(':').map(Number);
      expect(uid).toBeGreaterThan(0);
      expect(gid).toBeGreaterThan(0);
      for (const overlay of ['dev', 'prod'] as const) {
        const pod = named<Workload>(render(overlay), 'Deployment', WEB_APP.name).spec.template.spec;
        expect(pod.securityContext).toMatchObject({ runAsUser: uid, runAsNonRoot: true });
      }
    });

    it("keeps Next and React out of the services' images: their dependencies install without the web workspace", () => {
      for (const stage of ['prod-deps', 'build']) {
        const sources = imageConfig(dockerfile, stage).copies.flatMap((c) => c.sources);
        expect({ stage, web: sources.some((s) => s.startsWith('apps/web')) }).toEqual({ stage, web: false });
      }
      const webBuild = imageConfig(dockerfile, 'web-build').copies.flatMap((c) => c.sources);
      expect(webBuild).toContain('apps/web/package.json');
    });
  });

  it('has a one-shot demo-loader target running the demo loader script', () => {
    const { script } = nodeCommand(imageConfig(dockerfile, 'demo-loader').cmd);
    expect(script).toBe('dist/tools/demo/load-demo.js');
  });
});

describe('.dockerignore', () => {
  const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);

  it('lets in every source file the build compiles', () => {
    const sources = tracked.filter(
      (f) =>
        /^(apps\/[^/]+\/src|libs\/[^/]+\/src|tools)\/.*\.ts$/.test(f) &&
        !/\.(spec|int-spec|fault-spec)\.ts$/.test(f),
    );
    expect(sources.length).toBeGreaterThan(20);
    for (const file of [
      ...sources,
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
    ]) {
      expect({ file, ignored: dockerIgnored(file) }).toEqual({ file, ignored: false });
    }
  });

  it('keeps out dependencies, build output, local tooling, tests and deployment files', () => {
    const excluded = [
      'node_modules/kafkajs/package.json',
      'dist/apps/catalog/src/main.js',
      '.infra/tools/bin/kustomize',
      '.git/HEAD',
      '.env',
      'apps/catalog/test/catalog-basics.int-spec.ts',
      'libs/contracts/src/naming.spec.ts',
      'k8s/base/kustomization.yaml',
      'deploy/tools/install.sh',
      'apps/web/.next/BUILD_ID',
      'apps/web/e2e/seed-book.e2e.ts',
      'node_modules/next/package.json',
    ];
    for (const file of excluded)
      expect({ file, ignored: dockerIgnored(file) }).toEqual({ file, ignored: true });
  });
});
