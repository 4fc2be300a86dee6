import type { StartedComponent } from '../../../../tools/infra';

/** What the global setup did, for the global teardown (jest runs both in the same process). */
export interface TestRunState {
  readonly runId: string;
  readonly topicPrefix: string;
  readonly kafkaBrokers: string[];
  readonly mongoUrl: string;
  /** Components the setup started; teardown stops these and nothing else. */
  readonly started: StartedComponent[];
}

const KEY = Symbol.for('bookstore.testing.run-state');
type Holder = { [KEY]?: TestRunState };

export function rememberRun(state: TestRunState): void {
  (globalThis as Holder)[KEY] = state;
}

export function recalledRun(): TestRunState | undefined {
  return (globalThis as Holder)[KEY];
}
