import { DEFAULT_RUNS, parseBenchArgs } from './cli-args';

describe('parseBenchArgs', () => {
  it('runs every suite, the default number of times, on the bench’s own infrastructure by default', () => {
    expect(parseBenchArgs([])).toEqual({
      suites: [],
      runs: DEFAULT_RUNS,
      profile: 'full',
      infra: 'own',
      help: false,
    });
  });

  it('takes suite names and options in any order', () => {
    expect(parseBenchArgs(['messaging', '--runs', '2', '--quick', 'catalog', '--shared-infra'])).toEqual({
      suites: ['messaging', 'catalog'],
      runs: 2,
      profile: 'quick',
      infra: 'shared',
      help: false,
    });
    expect(parseBenchArgs(['--runs=5']).runs).toBe(5);
  });

  it('refuses a run count that is not a whole number of at least one', () => {
    expect(() => parseBenchArgs(['--runs'])).toThrow('--runs needs a whole number');
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow('--runs needs a whole number');
    expect(() => parseBenchArgs(['--runs=1.5'])).toThrow('--runs needs a whole number');
  });

  it('refuses unknown options instead of ignoring them', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow('unknown option --fast');
  });
});
