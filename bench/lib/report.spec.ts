import { aggregateRuns, evaluateGoal, GoalSpec, Measurement, RunResult, SuiteRecorder } from './report';

const latency = (p99: number, p50 = p99 / 4) => ({
  count: 100,
  p50,
  p90: p99 / 2,
  p99,
  mean: p50,
  max: p99 * 2,
});

const raw = (p99: number): Measurement => ({
  id: 'raw',
  label: 'raw path',
  role: 'ceiling',
  latencyMs: latency(p99),
});
const ours = (p99: number): Measurement => ({
  id: 'ours',
  label: 'our path',
  role: 'ours',
  latencyMs: latency(p99),
});

const latencyGoal: GoalSpec = {
  id: 'p99',
  label: 'our p99 ≤ 2× raw p99',
  ours: { measurement: 'ours', stat: 'p99' },
  ceiling: { measurement: 'raw', stat: 'p99' },
  bound: 'at-most',
  limit: 2,
};

describe('evaluateGoal', () => {
  it('judges a latency as the ratio of ours to the ceiling of the same run', () => {
    const result = evaluateGoal(latencyGoal, [raw(10), ours(15)]);
    expect(result).toMatchObject({ oursValue: 15, ceilingValue: 10, ratio: 1.5, met: true, unit: 'ms' });
  });

  it('misses a latency goal when ours is more than the limit times the ceiling', () => {
    expect(evaluateGoal(latencyGoal, [raw(10), ours(20.5)]).met).toBe(false);
    expect(evaluateGoal(latencyGoal, [raw(10), ours(20)]).met).toBe(true);
  });

  it('judges a throughput goal as at least a share of the ceiling, in the rate’s unit', () => {
    const spec: GoalSpec = {
      ...latencyGoal,
      ours: { measurement: 'ours', stat: 'rate' },
      ceiling: { measurement: 'raw', stat: 'rate' },
      bound: 'at-least',
      limit: 0.5,
    };
    const measurements: Measurement[] = [
      { id: 'raw', label: 'raw', role: 'ceiling', rate: { value: 1_000, unit: 'req/s' } },
      { id: 'ours', label: 'ours', role: 'ours', rate: { value: 400, unit: 'req/s' } },
    ];
    expect(evaluateGoal(spec, measurements)).toMatchObject({ ratio: 0.4, met: false, unit: 'req/s' });
  });

  it('refuses to judge without both figures or against a zero ceiling', () => {
    expect(() => evaluateGoal(latencyGoal, [ours(15)])).toThrow('no measurement raw');
    expect(() => evaluateGoal(latencyGoal, [{ ...raw(10), latencyMs: undefined }, ours(15)])).toThrow(
      'has no p99',
    );
    expect(() => evaluateGoal(latencyGoal, [raw(0), ours(15)])).toThrow('not positive');
  });
});

describe('SuiteRecorder', () => {
  it('judges its goals against what it recorded, whatever the order', () => {
    const recorder = new SuiteRecorder('messaging');
    recorder.goal(latencyGoal);
    recorder.measurement(raw(10));
    recorder.measurement(ours(30));
    const result = recorder.result();
    expect(result.goals).toHaveLength(1);
    expect(result.goals[0]).toMatchObject({ ratio: 3, met: false });
    expect(result.error).toBeUndefined();
  });

  it('reports a failed suite with what it measured and a note for the goal it could not judge', () => {
    const recorder = new SuiteRecorder('messaging');
    recorder.goal(latencyGoal);
    recorder.measurement(raw(10));
    const result = recorder.result(new Error('broker went away'));
    expect(result.error).toBe('broker went away');
    expect(result.measurements).toHaveLength(1);
    expect(result.goals).toHaveLength(0);
    expect(result.notes.join()).toContain('goal p99 not judged');
  });

  it('refuses the same measurement twice', () => {
    const recorder = new SuiteRecorder('messaging');
    recorder.measurement(raw(10));
    expect(() => recorder.measurement(raw(12))).toThrow('recorded twice');
  });
});

describe('aggregateRuns', () => {
  const run = (index: number, rawP99: number, oursP99: number): RunResult => {
    const recorder = new SuiteRecorder('messaging');
    recorder.goal(latencyGoal);
    recorder.measurement(raw(rawP99));
    recorder.measurement(ours(oursP99));
    return { run: index, runPrefix: `bench-${index}`, startedAt: '', suites: [recorder.result()] };
  };

  it('reports medians over runs and each run’s own ratio', () => {
    const [suite] = aggregateRuns([run(1, 10, 15), run(2, 20, 50), run(3, 10, 18)]);
    const oursMeasurement = suite.measurements.find((m) => m.id === 'ours');
    expect(oursMeasurement?.latencyMs?.p99).toBe(18);
    expect(oursMeasurement?.p99PerRun).toEqual([15, 50, 18]);
    const [goal] = suite.goals;
    expect(goal.ratioPerRun).toEqual([1.5, 2.5, 1.8]);
    expect(goal.ratioMedian).toBe(1.8);
    expect(goal.met).toBe(true);
    expect(goal.metInRuns).toBe(2);
  });

  it('takes the median of ratios, not the ratio of medians', () => {
    // Ratios 1, 1 and 4: median 1. Medians 20 / 10 would say 2.
    const [suite] = aggregateRuns([run(1, 10, 10), run(2, 20, 20), run(3, 5, 20)]);
    expect(suite.goals[0].ratioMedian).toBe(1);
  });

  it('keeps the errors of failed runs', () => {
    const failed = new SuiteRecorder('messaging').result(new Error('store down'));
    const [suite] = aggregateRuns([
      run(1, 10, 15),
      { run: 2, runPrefix: 'b', startedAt: '', suites: [failed] },
    ]);
    expect(suite.errors).toEqual(['run 2: store down']);
    expect(suite.goals[0].runs).toBe(1);
  });
});
