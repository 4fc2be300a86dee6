import { HealthController, HealthDetailsController, healthControllers } from './health.controller';

describe('health controllers', () => {
  it('registers /health/details only when the configuration opens it', () => {
    expect(healthControllers({ healthDetailsEnabled: true })).toEqual([
      HealthController,
      HealthDetailsController,
    ]);
    expect(healthControllers({ healthDetailsEnabled: false })).toEqual([HealthController]);
  });
});
