import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INSTALL_DIRS, instancePaths } from '../infra-paths';
import { isInstalled, markInstalled } from '../maven-install';
import { requireGo } from '../prerequisites';
import {
  isPortFree,
  isProcessAlive,
  runningProcess,
  runToCompletion,
  spawnDetached,
  withLock,
} from '../process-control';
import { Progress, quiet } from '../progress';
import { NativeStore, waitForStore } from '../store/store-launcher';

/** A store candidate only (docs/store-conformance.md): it loses concurrent updates of a document. */
export const FERRETDB_VERSION = '1.24.2';

const SOURCE_DIR = __dirname;
const SOURCES = ['main.go', 'go.mod', 'go.sum'];
const BINARY = 'ferretdb-embedded';

/** Builds the embedding program (tools/infra/ferretdb) once; Go's module and build caches do the rest. */
export async function installFerretDb(
  options: { installDir?: string; onProgress?: Progress } = {},
): Promise<string> {
  const installDir = options.installDir ?? INSTALL_DIRS.ferretdb;
  const binary = join(installDir, BINARY);
  const inputs = SOURCES.map((file) => readFileSync(join(SOURCE_DIR, file), 'utf8'));
  requireGo();
  if (isInstalled(installDir, inputs)) return binary;
  return withLock(join(installDir, '.lock'), async () => {
    if (isInstalled(installDir, inputs)) return binary;
    (options.onProgress ?? quiet)(`building FerretDB ${FERRETDB_VERSION} into ${installDir}`);
    await runToCompletion({
      command: 'go',
      args: ['build', '-o', binary, '.'],
      cwd: SOURCE_DIR,
      logFile: join(installDir, 'go-build.log'),
    });
    markInstalled(installDir, inputs);
    return binary;
  });
}

/** Starts FerretDB with its embedded SQLite backend on 127.0.0.1, data under `<dir>/data/ferretdb`. */
export async function startFerretDb(options: {
  dir: string;
  port: number;
  onProgress?: Progress;
}): Promise<NativeStore> {
  const { dir, port } = options;
  const url = `mongodb://127.0.0.1:${port}`;
  const paths = instancePaths(dir, 'ferretdb');
  const binary = await installFerretDb({ onProgress: options.onProgress });
  const marker = `${BINARY} -listen 127.0.0.1:${port} `;

  return withLock(join(dir, 'run', 'ferretdb.lock'), async () => {
    const running = runningProcess(paths.pidFile);
    const result = (pid: number, startedHere: boolean): NativeStore => ({
      url,
      pid,
      pidFile: paths.pidFile,
      logFile: paths.logFile,
      dataFile: paths.dataDir,
      startedHere,
    });
    if (running) {
      await waitForStore({ url });
      return result(running.pid, false);
    }
    if (!(await isPortFree(port))) throw new Error(`port ${port} is in use`);
    mkdirSync(paths.dataDir, { recursive: true });
    const record = spawnDetached({
      command: binary,
      args: ['-listen', `127.0.0.1:${port}`, '-handler', 'sqlite', '-sqlite-url', `file:${paths.dataDir}/`],
      pidFile: paths.pidFile,
      logFile: paths.logFile,
      marker,
      endpoint: url,
    });
    await waitForStore({
      url,
      processAlive: () => isProcessAlive(record.pid, marker),
      logFile: paths.logFile,
    });
    return result(record.pid, true);
  });
}
