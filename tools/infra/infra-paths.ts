import { join, resolve } from 'node:path';

/** The repository root: tools/infra/ is two levels below it. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Everything native infrastructure installs or writes lives here; the folder is git-ignored. */
export const INFRA_DIR = join(REPO_ROOT, '.infra');

/** Where installed software (jars, compiled launchers, binaries) is cached, shared by every instance. */
export const INSTALL_DIRS = {
  kafka: join(INFRA_DIR, 'kafka'),
  store: join(INFRA_DIR, 'store'),
  ferretdb: join(INFRA_DIR, 'ferretdb'),
} as const;

/**
 * The files of one running instance of a component. An instance directory (`.infra` for
 * `infra:up`, `.infra/fault` for the fault tests, ...) holds data, logs and pid files of the
 * instances started for it, so separate instances never share data or pid files.
 */
export interface InstancePaths {
  readonly dataDir: string;
  readonly configDir: string;
  readonly logFile: string;
  readonly pidFile: string;
}

export function instancePaths(dir: string, component: string): InstancePaths {
  return {
    dataDir: join(dir, 'data', component),
    configDir: join(dir, 'config', component),
    logFile: join(dir, 'logs', `${component}.log`),
    pidFile: join(dir, 'run', `${component}.pid`),
  };
}
