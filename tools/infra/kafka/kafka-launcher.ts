import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { INFRA_DIR, INSTALL_DIRS, instancePaths } from '../infra-paths';
import { isInstalled, markInstalled, copyMavenDependencies, MavenArtifact } from '../maven-install';
import { requireJava } from '../prerequisites';
import { Progress, quiet } from '../progress';
import {
  isPortFree,
  isProcessAlive,
  runningProcess,
  sleep,
  spawnDetached,
  tailOf,
  withLock,
} from '../process-control';
import {
  KAFKA_VERSION,
  kafkaLog4jProperties,
  kafkaServerProperties,
  newKafkaClusterId,
} from './kafka-config';

const KAFKA_ARTIFACTS: readonly MavenArtifact[] = [
  { groupId: 'org.apache.kafka', artifactId: 'kafka_2.13', version: KAFKA_VERSION },
  // Kafka 3.9's pom brings no logging backend: without these the broker logs nothing.
  { groupId: 'ch.qos.reload4j', artifactId: 'reload4j', version: '1.2.25' },
  { groupId: 'org.slf4j', artifactId: 'slf4j-reload4j', version: '1.7.36' },
];

const KAFKA_MAIN_CLASS = 'kafka.Kafka';

export interface NativeKafkaOptions {
  /** Instance directory for data, config, logs and pid file; `.infra` by default. */
  readonly dir?: string;
  readonly port?: number;
  readonly controllerPort?: number;
  readonly installDir?: string;
  readonly startTimeoutMs?: number;
  readonly onProgress?: Progress;
}

export interface NativeKafka {
  readonly brokers: string[];
  readonly pid: number;
  readonly pidFile: string;
  readonly logFile: string;
  /** False when a healthy broker of this instance was already running. */
  readonly startedHere: boolean;
}

/** Resolves the broker's jars into `<installDir>/lib` once per machine; later calls return at once. */
export async function installKafka(
  options: { installDir?: string; onProgress?: Progress } = {},
): Promise<string> {
  const installDir = options.installDir ?? INSTALL_DIRS.kafka;
  const inputs = KAFKA_ARTIFACTS.map((a) => `${a.groupId}:${a.artifactId}:${a.version}`);
  requireJava();
  if (isInstalled(installDir, inputs)) return join(installDir, 'lib');
  return withLock(join(installDir, '.lock'), async () => {
    if (isInstalled(installDir, inputs)) return join(installDir, 'lib');
    (options.onProgress ?? quiet)(`installing Apache Kafka ${KAFKA_VERSION} jars into ${installDir}`);
    const lib = await copyMavenDependencies({ installDir, name: 'kafka', artifacts: KAFKA_ARTIFACTS });
    markInstalled(installDir, inputs);
    return lib;
  });
}

function kafkaAdmin(brokers: string[]) {
  return new Kafka({
    clientId: 'infra-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 5_000,
    retry: { retries: 0 },
  }).admin();
}

/** One metadata round trip: the broker is up and serving. */
export async function kafkaAnswers(brokers: string[]): Promise<boolean> {
  const admin = kafkaAdmin(brokers);
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * Waits until a metadata request succeeds. `processAlive` lets a caller that started the broker
 * fail fast, with the log's last lines, when the process died instead of becoming ready.
 */
export async function waitForKafka(options: {
  brokers: string[];
  timeoutMs?: number;
  processAlive?: () => boolean;
  logFile?: string;
}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (await kafkaAnswers(options.brokers)) return;
    if (options.processAlive && !options.processAlive()) {
      const log = options.logFile ? `:\n${tailOf(options.logFile)}` : '';
      throw new Error(`Kafka exited while starting${log}`);
    }
    await sleep(300);
  }
  throw new Error(`Kafka at ${options.brokers.join(',')} not ready in time`);
}

function formatStorage(options: { lib: string; propertiesFile: string; logDir: string }): void {
  if (existsSync(join(options.logDir, 'meta.properties'))) return;
  const result = spawnSync(
    'java',
    [
      '-cp',
      join(options.lib, '*'),
      'kafka.tools.StorageTool',
      'format',
      '-t',
      newKafkaClusterId(),
      '-c',
      options.propertiesFile,
      '--ignore-formatted',
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`formatting Kafka storage failed:\n${result.stdout}${result.stderr}`);
  }
}

/**
 * Starts a single-node KRaft broker on 127.0.0.1 (idempotent: a healthy broker of the same
 * instance is reused) and resolves once it answers metadata requests.
 */
export async function startNativeKafka(options: NativeKafkaOptions = {}): Promise<NativeKafka> {
  const dir = options.dir ?? INFRA_DIR;
  const port = options.port ?? 9092;
  const controllerPort = options.controllerPort ?? 9093;
  const brokers = [`127.0.0.1:${port}`];
  const paths = instancePaths(dir, 'kafka');
  const progress = options.onProgress ?? quiet;
  const lib = await installKafka({ installDir: options.installDir, onProgress: progress });

  const propertiesFile = join(paths.configDir, 'server.properties');
  const log4jFile = join(paths.configDir, 'log4j.properties');

  return withLock(join(dir, 'run', 'kafka.lock'), async () => {
    const running = runningProcess(paths.pidFile);
    const wait = (pid: number) =>
      waitForKafka({
        brokers,
        timeoutMs: options.startTimeoutMs,
        processAlive: () => isProcessAlive(pid, propertiesFile),
        logFile: paths.logFile,
      });
    if (running) {
      await wait(running.pid);
      return {
        brokers,
        pid: running.pid,
        pidFile: paths.pidFile,
        logFile: paths.logFile,
        startedHere: false,
      };
    }
    for (const p of [port, controllerPort]) {
      if (!(await isPortFree(p))) {
        throw new Error(
          `port ${p} is in use by a process tools/infra did not start (no live ${paths.pidFile}); ` +
            'stop it, or set KAFKA_BROKERS and MONGODB_URI to use your own infrastructure',
        );
      }
    }
    mkdirSync(paths.configDir, { recursive: true });
    mkdirSync(paths.dataDir, { recursive: true });
    writeFileSync(
      propertiesFile,
      kafkaServerProperties({ host: '127.0.0.1', port, controllerPort, logDir: paths.dataDir }),
    );
    writeFileSync(log4jFile, kafkaLog4jProperties());
    formatStorage({ lib, propertiesFile, logDir: paths.dataDir });

    progress(`starting Kafka on ${brokers[0]} (log ${paths.logFile})`);
    const record = spawnDetached({
      command: 'java',
      args: [
        '-Xms256m',
        '-Xmx768m',
        '-XX:+UseG1GC',
        '-XX:MaxGCPauseMillis=20',
        '-Djava.awt.headless=true',
        `-Dlog4j.configuration=file:${log4jFile}`,
        '-cp',
        join(lib, '*'),
        KAFKA_MAIN_CLASS,
        propertiesFile,
      ],
      pidFile: paths.pidFile,
      logFile: paths.logFile,
      // The config path names this instance: a reused pid, or another instance, never matches.
      marker: propertiesFile,
      endpoint: brokers.join(','),
    });
    await wait(record.pid);
    return { brokers, pid: record.pid, pidFile: paths.pidFile, logFile: paths.logFile, startedHere: true };
  });
}
