import * as stats from './stats';
import { BenchProfile } from './profile';
import { SuiteRecorder } from './report';

export interface BenchInfra {
  readonly kafkaBrokers: string[];
  /** Server URL without a database, e.g. `mongodb://127.0.0.1:27017`. */
  readonly mongoUrl: string;
}

/** What every suite gets: endpoints, names unique to this run, the profile, stats and results. */
export interface BenchContext {
  readonly infra: BenchInfra;
  /** Unique per run, e.g. `bench-1732800000123-k3j9`: databases are `<runPrefix>_<name>`. */
  readonly runPrefix: string;
  /** Prefix of this run's topics and consumer groups, e.g. `bench-1732800000123-k3j9.` */
  readonly topicPrefix: string;
  readonly profile: BenchProfile;
  readonly stats: typeof stats;
  readonly results: SuiteRecorder;
  /** A database of this run's own (dropped when the run ends). */
  databaseUri(name: string): string;
  databaseName(name: string): string;
  /** Creates the contracts' topic plan under this run's prefix (once per run). */
  ensurePlatformTopics(): Promise<void>;
  /**
   * A value computed once per run and shared by the suites that need it (a ceiling measured for
   * one suite serves the next): every figure is still judged against this run's own ceiling.
   */
  shared<T>(key: string, produce: () => Promise<T>): Promise<T>;
  /** Cleanup run after the suite, last registered first, even when the suite failed. */
  defer(cleanup: () => Promise<unknown> | void): void;
  log(message: string): void;
}

/** A run prefix valid in database names, topic names and group ids. */
export function newRunPrefix(now = Date.now(), random = Math.random): string {
  const suffix = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `bench-${now}-${suffix}`;
}

/** MongoDB refuses database names over 63 bytes and with `/\. "$`. */
const DATABASE_NAME = /^[A-Za-z0-9_-]{1,63}$/;

export function benchDatabaseName(runPrefix: string, name: string): string {
  const database = `${runPrefix}_${name}`;
  if (!DATABASE_NAME.test(database)) {
    throw new Error(`"${database}" is not a usable database name: letters, digits, "_" and "-", 63 at most`);
  }
  return database;
}
