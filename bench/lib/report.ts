import { LatencyStat, LatencySummary, median } from './stats';

/** One thing measured: a rate, a latency distribution, or both. */
export interface Measurement {
  /** Unique within its suite, e.g. `ceiling.http.find-by-id`. */
  readonly id: string;
  readonly label: string;
  /** A ceiling is what the bare tools achieve on this machine; `ours` is our own code path. */
  readonly role: 'ceiling' | 'ours';
  readonly rate?: { readonly value: number; readonly unit: string };
  readonly latencyMs?: LatencySummary;
  /** Conditions and side figures (connections, offered rate, errors, ...), for the JSON only. */
  readonly details?: Readonly<Record<string, number | string | boolean>>;
}

export type MeasurementStat = LatencyStat | 'rate';

export interface StatRef {
  readonly measurement: string;
  readonly stat: MeasurementStat;
}

/**
 * A goal is always judged as the ratio of our figure to a ceiling measured in the same run, never
 * as an absolute time: the machine is shared and noisy, the ratio much less so.
 */
export interface GoalSpec {
  readonly id: string;
  readonly label: string;
  readonly ours: StatRef;
  readonly ceiling: StatRef;
  /** `at-most` for latencies (ours/ceiling ≤ limit), `at-least` for throughputs (≥ limit). */
  readonly bound: 'at-most' | 'at-least';
  readonly limit: number;
}

export interface GoalResult extends GoalSpec {
  /** `ms` for latency stats, the measurement's rate unit for rates. */
  readonly unit: string;
  readonly oursValue: number;
  readonly ceilingValue: number;
  readonly ratio: number;
  readonly met: boolean;
}

export interface SuiteResult {
  readonly suite: string;
  readonly durationMs: number;
  readonly measurements: readonly Measurement[];
  readonly goals: readonly GoalResult[];
  readonly notes: readonly string[];
  /** Set when the suite failed part-way; what it measured before that is still reported. */
  readonly error?: string;
}

export interface RunResult {
  readonly run: number;
  readonly runPrefix: string;
  readonly startedAt: string;
  readonly suites: readonly SuiteResult[];
}

export function statValue(measurement: Measurement, stat: MeasurementStat): number {
  const value = stat === 'rate' ? measurement.rate?.value : measurement.latencyMs?.[stat];
  if (value === undefined) throw new Error(`measurement ${measurement.id} has no ${stat}`);
  return value;
}

export function isMet(bound: GoalSpec['bound'], ratio: number, limit: number): boolean {
  return bound === 'at-most' ? ratio <= limit : ratio >= limit;
}

/** Judges a goal against the measurements of one run. */
export function evaluateGoal(spec: GoalSpec, measurements: readonly Measurement[]): GoalResult {
  const find = (ref: StatRef): Measurement => {
    const measurement = measurements.find((m) => m.id === ref.measurement);
    if (!measurement) throw new Error(`goal ${spec.id}: no measurement ${ref.measurement} in this run`);
    return measurement;
  };
  const ours = find(spec.ours);
  const oursValue = statValue(ours, spec.ours.stat);
  const ceilingValue = statValue(find(spec.ceiling), spec.ceiling.stat);
  if (!(ceilingValue > 0)) throw new Error(`goal ${spec.id}: ceiling ${ceilingValue} is not positive`);
  const ratio = oursValue / ceilingValue;
  const unit = spec.ours.stat === 'rate' ? (ours.rate?.unit ?? '') : 'ms';
  return { ...spec, unit, oursValue, ceilingValue, ratio, met: isMet(spec.bound, ratio, spec.limit) };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}

/** Collects what a suite measures; goals are judged when the suite's result is taken. */
export class SuiteRecorder {
  private readonly measurements: Measurement[] = [];
  private readonly goalSpecs: GoalSpec[] = [];
  private readonly notes: string[] = [];
  private readonly startedAt = Date.now();

  constructor(readonly suite: string) {}

  measurement(measurement: Measurement): Measurement {
    if (this.measurements.some((m) => m.id === measurement.id)) {
      throw new Error(`measurement ${measurement.id} recorded twice in suite ${this.suite}`);
    }
    this.measurements.push(measurement);
    return measurement;
  }

  goal(spec: GoalSpec): void {
    this.goalSpecs.push(spec);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  /** The suite's result; goals whose figures were never measured (the suite failed) are left out. */
  result(error?: unknown): SuiteResult {
    const goals: GoalResult[] = [];
    const notes = [...this.notes];
    for (const spec of this.goalSpecs) {
      try {
        goals.push(evaluateGoal(spec, this.measurements));
      } catch (failure) {
        notes.push(`goal ${spec.id} not judged: ${(failure as Error).message}`);
      }
    }
    return {
      suite: this.suite,
      durationMs: Date.now() - this.startedAt,
      measurements: [...this.measurements],
      goals,
      notes,
      ...(error === undefined ? {} : { error: describe(error) }),
    };
  }
}

/** A measurement's figures as medians over runs, with each run's value kept alongside. */
export interface AggregatedMeasurement {
  readonly id: string;
  readonly label: string;
  readonly role: Measurement['role'];
  readonly runs: number;
  readonly rate?: { readonly median: number; readonly perRun: number[]; readonly unit: string };
  readonly latencyMs?: { readonly [S in LatencyStat]: number } & { readonly count: number };
  readonly p99PerRun?: number[];
}

export interface AggregatedGoal {
  readonly id: string;
  readonly label: string;
  readonly bound: GoalSpec['bound'];
  readonly limit: number;
  readonly unit: string;
  readonly runs: number;
  readonly oursMedian: number;
  readonly ceilingMedian: number;
  /** Median of the per-run ratios (each run's ratio uses that run's own ceiling). */
  readonly ratioMedian: number;
  readonly ratioPerRun: number[];
  readonly met: boolean;
  readonly metInRuns: number;
}

export interface AggregatedSuite {
  readonly suite: string;
  readonly runs: number;
  readonly measurements: AggregatedMeasurement[];
  readonly goals: AggregatedGoal[];
  readonly errors: string[];
}

const LATENCY_STATS: readonly LatencyStat[] = ['p50', 'p90', 'p99', 'mean', 'max'];

function aggregateMeasurement(all: readonly Measurement[]): AggregatedMeasurement {
  const [first] = all;
  const rates = all.flatMap((m) => (m.rate ? [m.rate.value] : []));
  const latencies = all.flatMap((m) => (m.latencyMs ? [m.latencyMs] : []));
  const latencyMs =
    latencies.length === 0
      ? undefined
      : {
          ...(Object.fromEntries(
            LATENCY_STATS.map((stat) => [stat, median(latencies.map((l) => l[stat]))]),
          ) as { [S in LatencyStat]: number }),
          count: median(latencies.map((l) => l.count)),
        };
  return {
    id: first.id,
    label: first.label,
    role: first.role,
    runs: all.length,
    ...(first.rate && rates.length > 0
      ? { rate: { median: median(rates), perRun: rates, unit: first.rate.unit } }
      : {}),
    ...(latencyMs ? { latencyMs, p99PerRun: latencies.map((l) => l.p99) } : {}),
  };
}

function aggregateGoal(all: readonly GoalResult[]): AggregatedGoal {
  const [first] = all;
  const ratioMedian = median(all.map((g) => g.ratio));
  return {
    id: first.id,
    label: first.label,
    bound: first.bound,
    limit: first.limit,
    unit: first.unit,
    runs: all.length,
    oursMedian: median(all.map((g) => g.oursValue)),
    ceilingMedian: median(all.map((g) => g.ceilingValue)),
    ratioMedian,
    ratioPerRun: all.map((g) => g.ratio),
    met: isMet(first.bound, ratioMedian, first.limit),
    metInRuns: all.filter((g) => g.met).length,
  };
}

/** Groups by id keeping first-seen order. */
function groupById<T extends { id: string }>(items: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.id, [...(groups.get(item.id) ?? []), item]);
  return [...groups.values()];
}

/** Medians over runs, per suite (in the order suites first ran). */
export function aggregateRuns(runs: readonly RunResult[]): AggregatedSuite[] {
  const bySuite = new Map<string, SuiteResult[]>();
  for (const run of runs) {
    for (const suite of run.suites) bySuite.set(suite.suite, [...(bySuite.get(suite.suite) ?? []), suite]);
  }
  return [...bySuite].map(([suite, results]) => ({
    suite,
    runs: results.length,
    measurements: groupById(results.flatMap((r) => r.measurements)).map(aggregateMeasurement),
    goals: groupById(results.flatMap((r) => r.goals)).map(aggregateGoal),
    errors: results.flatMap((r, index) => (r.error ? [`run ${index + 1}: ${r.error}`] : [])),
  }));
}
