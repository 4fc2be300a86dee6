import { z } from 'zod';
import { defineSettings } from '@app/platform';

/**
 * The reports service's own settings, read from the environment next to the platform's config and
 * validated the same way (`defineSettings`): a bad value stops the start with a message naming the
 * variable.
 */
export interface ReportsSettings {
  /** A case whose score reaches this places a hold on its target. */
  readonly holdThreshold: number;
  /** How long a claim keeps other moderators off a case; it lapses on its own. */
  readonly claimLeaseSeconds: number;
  /** An action the owner has not answered within this time is flagged on its case. */
  readonly actionAnswerTimeoutSeconds: number;
  /** Reports one account may file per hour. */
  readonly reportsPerHour: number;
  /** How often the maintenance sweep finishes work a crash left half done. */
  readonly sweepIntervalMs: number;
}

const positiveNumber = z.coerce.number().positive();
const positiveInt = z.coerce.number().int().positive();

export const reportsEnvSchema = z.object({
  REPORTS_HOLD_THRESHOLD: positiveNumber.max(1_000).default(10),
  REPORTS_CLAIM_LEASE_S: positiveInt.max(86_400).default(300),
  REPORTS_ACTION_ANSWER_TIMEOUT_S: positiveInt.max(86_400).default(120),
  REPORTS_PER_HOUR: positiveInt.max(10_000).default(20),
  REPORTS_SWEEP_INTERVAL_MS: positiveInt.min(100).max(600_000).default(5_000),
});

/** The reports settings: `REPORTS_*` variables, provided under `REPORTS_SETTINGS.token`. */
export const REPORTS_SETTINGS = defineSettings({
  token: Symbol('REPORTS_SETTINGS'),
  schema: reportsEnvSchema,
  fromEnv: (env): ReportsSettings => ({
    holdThreshold: env.REPORTS_HOLD_THRESHOLD,
    claimLeaseSeconds: env.REPORTS_CLAIM_LEASE_S,
    actionAnswerTimeoutSeconds: env.REPORTS_ACTION_ANSWER_TIMEOUT_S,
    reportsPerHour: env.REPORTS_PER_HOUR,
    sweepIntervalMs: env.REPORTS_SWEEP_INTERVAL_MS,
  }),
});
