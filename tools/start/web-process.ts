import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../infra/infra-paths';
import { waitForReady } from './readiness';

/**
 * The storefront (apps/web, Next.js) as a process of `npm start` and of the browser journeys:
 * built once per change of its sources, served by `next start` in production mode.
 */
export const WEB_DIR = join(REPO_ROOT, 'apps', 'web');
export const WEB_BASE_PORT = 3000;

const NEXT_BIN = join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const HASH_FILE = join(WEB_DIR, '.next', 'source-hash');
/** What a build depends on besides node_modules (the lock file stands for those). */
const SOURCES = [
  'src',
  'public',
  'next.config.ts',
  'tsconfig.json',
  'package.json',
  // The local sign-in's token constants, shared with the services (apps/web/src/lib/config.ts).
  '../../libs/platform/src/auth/local-dev-secret.ts',
];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** sha256 over the web app's source files (names and contents) and the workspace's lock file. */
export function webSourcesHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...SOURCES.flatMap((entry) => filesUnder(join(WEB_DIR, entry))),
    join(REPO_ROOT, 'package-lock.json'),
  ];
  for (const file of files) {
    hash.update(relative(REPO_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Runs `next build` unless the last build was made from the same sources; says which. */
export function ensureWebBuild(say: (message: string) => void): void {
  const hash = webSourcesHash();
  const built = existsSync(join(WEB_DIR, '.next', 'BUILD_ID')) && existsSync(HASH_FILE);
  if (built && readFileSync(HASH_FILE, 'utf8').trim() === hash) {
    say('web: sources unchanged since the last build, reusing it');
    return;
  }
  say('web: building the storefront (next build, once per change of its sources)');
  const started = Date.now();
  const result = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
    cwd: WEB_DIR,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit code ${result.status})`);
  writeFileSync(HASH_FILE, `${hash}\n`);
  say(`web: built in ${Math.round((Date.now() - started) / 1000)} s`);
}

export interface WebUpstreams {
  readonly catalog: string;
  readonly offers: string;
  readonly reviews: string;
  readonly reports: string;
}

export interface RunningWeb {
  readonly name: 'web';
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
}

/** Serves the last build with `next start` on 127.0.0.1:`port`, calling the given services. */
export function spawnWeb(input: {
  port: number;
  upstreams: WebUpstreams;
  output: 'inherit' | 'ignore' | 'pipe';
  /** Added to (and overriding) the environment above, e.g. the OIDC sign-in tests' settings. */
  env?: Readonly<Record<string, string>>;
}): RunningWeb {
  const url = `http://127.0.0.1:${input.port}`;
  const child = spawn(
    process.execPath,
    [NEXT_BIN, 'start', '--hostname', '127.0.0.1', '--port', String(input.port)],
    {
      cwd: WEB_DIR,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        CATALOG_URL: input.upstreams.catalog,
        OFFERS_URL: input.upstreams.offers,
        REVIEWS_URL: input.upstreams.reviews,
        REPORTS_URL: input.upstreams.reports,
        SITE_URL: url,
        // The services `npm start` runs verify the local development key: sign-in is the local page.
        WEB_AUTH_MODE: 'local',
        ...input.env,
      },
      stdio: ['ignore', input.output, input.output],
    },
  );
  // `next start` ends a clean shutdown on SIGTERM with exit(143), which is success here.
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code === 143 ? 0 : code)),
  );
  return { name: 'web', url, child, exited };
}

export async function waitUntilWebReady(web: RunningWeb, timeoutMs: number): Promise<void> {
  let exitCode: number | null | undefined;
  void web.exited.then((code) => (exitCode = code));
  await waitForReady({
    name: 'web',
    baseUrl: web.url,
    timeoutMs,
    givenUp: () => (exitCode === undefined ? undefined : `exited with code ${exitCode} before it was ready`),
  });
}

/** The readable URL of a book (`/books/{isbn13}/{slug}`), as the storefront redirects to it. */
export async function bookPageUrl(web: RunningWeb, isbn13: string): Promise<string> {
  const response = await fetch(`${web.url}/books/${isbn13}`, { redirect: 'manual' });
  const location = response.headers.get('location');
  return location ? new URL(location, web.url).toString() : `${web.url}/books/${isbn13}`;
}
