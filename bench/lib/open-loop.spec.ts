import { dueOperations, scheduledAt } from './open-loop';

describe('open-loop schedule', () => {
  it('starts the first operation at once and one more every 1/rate seconds', () => {
    expect(dueOperations(0, 500, 1_000)).toBe(1);
    expect(dueOperations(1.99, 500, 1_000)).toBe(1);
    expect(dueOperations(2, 500, 1_000)).toBe(2);
    expect(dueOperations(1_000, 500, 10_000)).toBe(501);
  });

  it('catches up after a stall: everything scheduled so far is due at once', () => {
    expect(dueOperations(100, 500, 10_000)).toBe(51);
  });

  it('never makes more than the total due', () => {
    expect(dueOperations(60_000, 500, 1_000)).toBe(1_000);
    expect(dueOperations(-1, 500, 1_000)).toBe(0);
  });

  it('schedules operation i at i/rate seconds', () => {
    expect(scheduledAt(0, 500)).toBe(0);
    expect(scheduledAt(250, 500)).toBe(500);
  });
});
