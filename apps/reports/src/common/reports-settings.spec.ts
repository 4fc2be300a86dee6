import { REPORTS_SETTINGS } from './reports-settings';

const loadReportsSettings = (source: NodeJS.ProcessEnv) => REPORTS_SETTINGS.load(source);

describe('reports settings', () => {
  it('has documented defaults', () => {
    expect(REPORTS_SETTINGS.defaults).toEqual(loadReportsSettings({}));
    expect(loadReportsSettings({})).toEqual({
      holdThreshold: 10,
      claimLeaseSeconds: 300,
      actionAnswerTimeoutSeconds: 120,
      reportsPerHour: 20,
      sweepIntervalMs: 5_000,
    });
  });

  it('reads the threshold and lease from the environment', () => {
    expect(loadReportsSettings({ REPORTS_HOLD_THRESHOLD: '6.5', REPORTS_CLAIM_LEASE_S: '60' })).toMatchObject(
      {
        holdThreshold: 6.5,
        claimLeaseSeconds: 60,
      },
    );
  });

  it('stops on a bad value with a message naming the variable', () => {
    expect(() => loadReportsSettings({ REPORTS_HOLD_THRESHOLD: '-1' })).toThrow(/REPORTS_HOLD_THRESHOLD/);
  });
});
