import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { LatencySummary, ratePerSecond, summarize } from './stats';

export interface HttpLoadOptions {
  /** Base URL of the server under load, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Request paths; each connection cycles through them in its own shuffled order. */
  readonly paths: readonly string[];
  readonly connections: number;
  readonly durationMs: number;
  /** Load applied first and thrown away: JIT, connection pools and store caches warm up. */
  readonly warmupMs: number;
  /** Sent with every request (a bearer token for signed-in routes). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface HttpLoadResult {
  readonly requestsPerSecond: number;
  readonly latency: LatencySummary;
  readonly ok: number;
  readonly notOk: number;
  readonly errors: number;
  readonly timeouts: number;
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function fire(
  options: HttpLoadOptions,
  durationMs: number,
  onResponse?: (status: number, ms: number) => void,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const requests = options.paths.map((path) => ({ method: 'GET' as const, path }));
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: durationMs / 1000,
        ...(options.headers ? { headers: { ...options.headers } } : {}),
        requests,
        // Each connection walks the paths in its own order, so they do not hit one key in lockstep.
        setupClient: (client) => client.setRequests(shuffled(requests)),
      },
      (error: unknown, result) =>
        error
          ? reject(error instanceof Error ? error : new Error(`autocannon failed: ${JSON.stringify(error)}`))
          : resolve(result),
    );
    // autocannon's own histogram keeps whole milliseconds only; sub-millisecond reads need the raw
    // response times, which the 'response' event carries (in-process runs only, not worker mode).
    if (onResponse) {
      instance.on('response', (_client, status: number, _bytes: number, ms: number) =>
        onResponse(status, ms),
      );
    }
  });
}

/**
 * Closed-loop HTTP load with autocannon (each connection sends its next request when the previous
 * one is answered): the server's best throughput and its latency at that load. The load generator
 * runs in this process, so the server under load should run in another (see `spawnBenchServer`).
 */
export async function measureHttpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  if (options.paths.length === 0) throw new Error('no request paths to load');
  if (options.warmupMs > 0) await fire(options, options.warmupMs);
  const latencies: number[] = [];
  let notOk = 0;
  const started = performance.now();
  const result = await fire(options, options.durationMs, (status, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else notOk++;
  });
  const elapsedMs = performance.now() - started;
  return {
    requestsPerSecond: ratePerSecond(latencies.length, elapsedMs),
    latency: summarize(latencies),
    ok: latencies.length,
    notOk,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
