import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureTopics, freePort, REPO_ROOT } from '../../../tools/infra';
import {
  type RunningService,
  serviceEnvironment,
  spawnService,
  stopService,
  waitUntilReady,
} from '../../../tools/start/service-processes';
import { spawnWeb, type RunningWeb, waitUntilWebReady } from '../../../tools/start/web-process';
import { stackUrl } from './stack';

/**
 * The OIDC sign-in journey's own world: a real OpenID Connect provider (tools/oidc/dev-provider.mjs,
 * `oidc-provider`), a reviews service that trusts only that provider's JWKS, and a second storefront
 * in OIDC mode (the same build as the stack's) that calls it. Everything else is the stack's.
 */
export interface OidcStack {
  readonly issuer: string;
  readonly webUrl: string;
  readonly reviewsUrl: string;
  stop(): Promise<void>;
}

/** The services' audience in this test: the resource indicator the web client asks tokens for. */
export const TEST_RESOURCE = 'https://api.bookstore.test';
const CLIENT_ID = 'bookstore-web-e2e';
const READY_MS = 120_000;
const STOP_GRACE_MS = 10_000;

/** Starts the provider and resolves with its issuer once it prints its JSON line. */
function startProvider(webUrl: string): Promise<{ issuer: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      join(REPO_ROOT, 'tools', 'oidc', 'dev-provider.mjs'),
      '--port',
      '0',
      '--client-id',
      CLIENT_ID,
      '--redirect-uri',
      `${webUrl}/auth/callback`,
      '--post-logout-redirect-uri',
      `${webUrl}/`,
      '--resource',
      TEST_RESOURCE,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the OIDC provider exited with code ${code}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      const { issuer } = JSON.parse(line) as { issuer: string };
      resolve({ issuer, child });
    });
  });
}

async function startReviews(issuer: string): Promise<RunningService> {
  const kafkaBrokers = stackUrl('kafkaBrokers').split(',');
  const namespace = `e2e-oidc-${Date.now().toString(36)}`;
  await ensureTopics(kafkaBrokers, `${namespace}.`);
  const endpoints = {
    kafkaBrokers,
    mongoUrl: stackUrl('mongoUrl'),
    topicPrefix: `${namespace}.`,
    databasePrefix: `${namespace}_`,
  };
  const reviews = spawnService({
    repoRoot: REPO_ROOT,
    name: 'reviews',
    env: serviceEnvironment('reviews', endpoints, {
      PORT: String(await freePort()),
      AUTH_JWKS_URL: `${issuer}/jwks`,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: TEST_RESOURCE,
    }),
    output: 'ignore',
  });
  await waitUntilReady(reviews, READY_MS);
  return reviews;
}

function startWeb(port: number, issuer: string, reviewsUrl: string): RunningWeb {
  return spawnWeb({
    port,
    upstreams: {
      catalog: stackUrl('catalog'),
      offers: stackUrl('offers'),
      reviews: reviewsUrl,
      reports: stackUrl('reports'),
    },
    output: 'ignore',
    env: {
      WEB_AUTH_MODE: 'oidc',
      WEB_SESSION_SECRET: randomBytes(32).toString('base64url'),
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_SCOPES: 'openid api',
      OIDC_RESOURCE: TEST_RESOURCE,
      AUTH_AUDIENCE: TEST_RESOURCE,
    },
  });
}

export async function startOidcStack(): Promise<OidcStack> {
  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const stoppers: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne();
  };
  try {
    const provider = await startProvider(webUrl);
    stoppers.push(() =>
      stopService({ child: provider.child, exited: exitOf(provider.child) }, STOP_GRACE_MS),
    );
    const reviews = await startReviews(provider.issuer);
    stoppers.push(() => stopService(reviews, STOP_GRACE_MS));
    const web = startWeb(webPort, provider.issuer, reviews.url);
    stoppers.push(() => stopService(web, STOP_GRACE_MS));
    await waitUntilWebReady(web, READY_MS);
    return { issuer: provider.issuer, webUrl, reviewsUrl: reviews.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
