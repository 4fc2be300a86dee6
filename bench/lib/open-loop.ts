import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { LatencySummary, summarize } from './stats';

export interface OpenLoopOptions {
  readonly ratePerSecond: number;
  readonly durationMs: number;
  /**
   * Starts operation `index` and returns at once (the operation runs on without being awaited):
   * a slow answer must not lower the offered rate, or the bench would hide exactly the queueing
   * it is meant to show (coordinated omission).
   */
  readonly start: (index: number) => void;
}

export interface OpenLoopResult {
  readonly issued: number;
  readonly elapsedMs: number;
  /** Starts per second actually achieved, from the first start to the last. */
  readonly achievedRate: number;
  /** How late each start was against its schedule: large values mean this process was too busy. */
  readonly lateness: LatencySummary;
}

/** How many operations are due `elapsedMs` after the start at `ratePerSecond` (the first at 0). */
export function dueOperations(elapsedMs: number, ratePerSecond: number, total: number): number {
  if (elapsedMs < 0) return 0;
  return Math.min(total, Math.floor((elapsedMs * ratePerSecond) / 1000) + 1);
}

/** When operation `index` is scheduled, in ms after the start. */
export function scheduledAt(index: number, ratePerSecond: number): number {
  return (index * 1000) / ratePerSecond;
}

/** Starts operations on a fixed schedule, catching up in bursts if the event loop fell behind. */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { ratePerSecond, durationMs } = options;
  const total = Math.max(1, Math.round((durationMs * ratePerSecond) / 1000));
  const lateness: number[] = [];
  const started = performance.now();
  let issued = 0;
  let lastStart = 0;
  while (issued < total) {
    const now = performance.now() - started;
    const due = dueOperations(now, ratePerSecond, total);
    while (issued < due) {
      lateness.push(now - scheduledAt(issued, ratePerSecond));
      lastStart = now;
      options.start(issued++);
    }
    if (issued >= total) break;
    const wait = scheduledAt(issued, ratePerSecond) - (performance.now() - started);
    await sleep(Math.max(0, wait));
  }
  return {
    issued,
    elapsedMs: performance.now() - started,
    achievedRate: issued > 1 && lastStart > 0 ? ((issued - 1) * 1000) / lastStart : NaN,
    lateness: summarize(lateness),
  };
}
