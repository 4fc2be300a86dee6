import { join } from 'node:path';
import type { ServiceName } from '@app/contracts';

const REPO_ROOT = join(__dirname, '..', '..');

/** The services that serve an HTTP API (each has a committed document). */
export const API_SERVICES: readonly ServiceName[] = ['catalog', 'offers', 'reviews', 'reports'];

/** The committed document a client generator reads. */
export const documentPath = (service: ServiceName): string =>
  join(REPO_ROOT, 'docs', 'openapi', `${service}.json`);

/** The TypeScript types the web app's typed client (openapi-fetch) imports. */
export const typesPath = (service: ServiceName): string =>
  join(REPO_ROOT, 'apps', 'web', 'src', 'api', 'generated', `${service}.ts`);
