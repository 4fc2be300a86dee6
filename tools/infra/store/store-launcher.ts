import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { INFRA_DIR, INSTALL_DIRS, instancePaths } from '../infra-paths';
import { copyMavenDependencies, isInstalled, markInstalled, MavenArtifact } from '../maven-install';
import { requireJdk } from '../prerequisites';
import {
  isPortFree,
  isProcessAlive,
  runningProcess,
  runToCompletion,
  sleep,
  spawnDetached,
  tailOf,
  withLock,
} from '../process-control';
import { Progress, quiet } from '../progress';

export const MONGO_JAVA_SERVER_VERSION = '1.47.0';

/**
 * mongo-java-server gets a lib folder of its own: it needs netty 4.2, Kafka ships netty 4.1, and
 * one classpath with both breaks whichever loads second.
 */
const STORE_ARTIFACTS: readonly MavenArtifact[] = [
  { groupId: 'de.bwaldvogel', artifactId: 'mongo-java-server', version: MONGO_JAVA_SERVER_VERSION },
  {
    groupId: 'de.bwaldvogel',
    artifactId: 'mongo-java-server-h2-backend',
    version: MONGO_JAVA_SERVER_VERSION,
  },
  {
    groupId: 'de.bwaldvogel',
    artifactId: 'mongo-java-server-memory-backend',
    version: MONGO_JAVA_SERVER_VERSION,
  },
  // The server logs through slf4j 2; without a provider it logs nothing at all.
  { groupId: 'org.slf4j', artifactId: 'slf4j-simple', version: '2.0.17' },
];

/**
 * Drivers open and drop monitoring connections all the time; at INFO every one is logged, and a
 * client's reset is logged as an ERROR with a stack trace. Failed commands reach the client as
 * errors anyway, so the log keeps start, stop and backend messages only.
 */
const STORE_LOGGING = [
  '-Dorg.slf4j.simpleLogger.showDateTime=true',
  '-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS',
  '-Dorg.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire=warn',
  '-Dorg.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoExceptionHandler=off',
];

const LAUNCHER_SOURCE = join(__dirname, 'StoreLauncher.java');
const LAUNCHER_CLASS = 'StoreLauncher';
/**
 * The H2 page cache of a native store, in MB. With the 16 MB default, reads of a 100,000-product
 * catalog ran at 0.35× those of a 10,000-book collection; with 1 GB at 0.83×.
 */
const STORE_CACHE_MB = 1024;

export type StoreBackend = 'h2' | 'memory';

export interface NativeStoreOptions {
  /** Instance directory for data, logs and pid file; `.infra` by default. */
  readonly dir?: string;
  readonly port?: number;
  /** `h2` keeps data in `<dir>/data/store/store.mv` across restarts; `memory` forgets on stop. */
  readonly backend?: StoreBackend;
  /**
   * Runs mongo-java-server without the launcher's snapshot-read and secondary-index fixes, only to
   * show what they fix (docs/store-conformance.md). Never for tests or `npm start`.
   */
  readonly stock?: boolean;
  readonly installDir?: string;
  readonly startTimeoutMs?: number;
  readonly onProgress?: Progress;
}

export interface NativeStore {
  /** Server URL without a database, e.g. `mongodb://127.0.0.1:27017`. */
  readonly url: string;
  readonly pid: number;
  readonly pidFile: string;
  readonly logFile: string;
  readonly dataFile: string | undefined;
  readonly startedHere: boolean;
}

/**
 * Resolves mongo-java-server's jars into `<installDir>/lib` and compiles the launcher into
 * `<installDir>/classes`, once; a changed launcher source or version triggers a reinstall.
 */
export async function installStore(
  options: { installDir?: string; onProgress?: Progress } = {},
): Promise<{ lib: string; classes: string }> {
  const installDir = options.installDir ?? INSTALL_DIRS.store;
  const lib = join(installDir, 'lib');
  const classes = join(installDir, 'classes');
  const inputs = [
    ...STORE_ARTIFACTS.map((a) => `${a.groupId}:${a.artifactId}:${a.version}`),
    readFileSync(LAUNCHER_SOURCE, 'utf8'),
  ];
  requireJdk();
  if (isInstalled(installDir, inputs)) return { lib, classes };
  return withLock(join(installDir, '.lock'), async () => {
    if (isInstalled(installDir, inputs)) return { lib, classes };
    const progress = options.onProgress ?? quiet;
    progress(`installing mongo-java-server ${MONGO_JAVA_SERVER_VERSION} into ${installDir}`);
    await copyMavenDependencies({ installDir, name: 'store', artifacts: STORE_ARTIFACTS });
    rmSync(classes, { recursive: true, force: true });
    mkdirSync(classes, { recursive: true });
    const source = join(installDir, 'StoreLauncher.java');
    copyFileSync(LAUNCHER_SOURCE, source);
    await runToCompletion({
      command: 'javac',
      args: ['-cp', join(lib, '*'), '-d', classes, source],
      logFile: join(installDir, 'javac.log'),
    });
    markInstalled(installDir, inputs);
    return { lib, classes };
  });
}

/** A ping through the Node driver: the store is up and speaks the wire protocol. */
export async function storeAnswers(url: string): Promise<boolean> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
  try {
    await client.connect();
    const reply = await client.db('admin').command({ ping: 1 });
    return reply.ok === 1;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

export async function waitForStore(options: {
  url: string;
  timeoutMs?: number;
  processAlive?: () => boolean;
  logFile?: string;
}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (await storeAnswers(options.url)) return;
    if (options.processAlive && !options.processAlive()) {
      const log = options.logFile ? `:\n${tailOf(options.logFile)}` : '';
      throw new Error(`the store exited while starting${log}`);
    }
    await sleep(200);
  }
  throw new Error(`the store at ${options.url} was not ready in time`);
}

/**
 * Starts mongo-java-server on 127.0.0.1 (idempotent: a healthy store of the same instance is
 * reused) and resolves once it answers a ping.
 */
export async function startNativeStore(options: NativeStoreOptions = {}): Promise<NativeStore> {
  const dir = options.dir ?? INFRA_DIR;
  const port = options.port ?? 27017;
  const backend = options.backend ?? 'h2';
  const url = `mongodb://127.0.0.1:${port}`;
  const paths = instancePaths(dir, 'store');
  const dataFile = backend === 'h2' ? join(paths.dataDir, 'store.mv') : undefined;
  const progress = options.onProgress ?? quiet;
  const { lib, classes } = await installStore({ installDir: options.installDir, onProgress: progress });
  // The port is in the marker so a stale pid file of another instance never matches.
  const marker = `${LAUNCHER_CLASS} --host 127.0.0.1 --port ${port} --backend`;

  return withLock(join(dir, 'run', 'store.lock'), async () => {
    const running = runningProcess(paths.pidFile);
    const wait = (pid: number) =>
      waitForStore({
        url,
        timeoutMs: options.startTimeoutMs,
        processAlive: () => isProcessAlive(pid, marker),
        logFile: paths.logFile,
      });
    const result = (pid: number, startedHere: boolean): NativeStore => ({
      url,
      pid,
      pidFile: paths.pidFile,
      logFile: paths.logFile,
      dataFile,
      startedHere,
    });
    if (running) {
      await wait(running.pid);
      return result(running.pid, false);
    }
    if (!(await isPortFree(port))) {
      throw new Error(
        `port ${port} is in use by a process tools/infra did not start (no live ${paths.pidFile}); ` +
          'stop it, or set KAFKA_BROKERS and MONGODB_URI to use your own infrastructure',
      );
    }
    mkdirSync(paths.dataDir, { recursive: true });
    progress(`starting the store (mongo-java-server, ${backend}) on ${url} (log ${paths.logFile})`);
    const record = spawnDetached({
      command: 'java',
      args: [
        '-Xms64m',
        // Its secondary indexes and page cache live on the heap: a 100k-product catalog with search
        // tokens needs more than 1 GB to stay out of long GC pauses (24 GB machines).
        '-Xmx3g',
        '-XX:+UseG1GC',
        // Promote what survives one young collection. With the default (up to 15), tens of MB a
        // bulk load left alive were copied again by every young pause for a minute after it:
        // 15-60 ms pauses under a steady 500 writes/s, 2-4 ms with this.
        '-XX:MaxTenuringThreshold=1',
        ...STORE_LOGGING,
        '-cp',
        `${classes}:${join(lib, '*')}`,
        LAUNCHER_CLASS,
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--backend',
        backend,
        // The H2 page cache (MB, on the heap): large enough for a 100k-product catalog's pages.
        '--cache-mb',
        String(STORE_CACHE_MB),
        ...(dataFile ? ['--file', dataFile] : []),
        ...(options.stock ? ['--stock', 'true'] : []),
      ],
      pidFile: paths.pidFile,
      logFile: paths.logFile,
      marker,
      endpoint: url,
    });
    await wait(record.pid);
    return result(record.pid, true);
  });
}
