/**
 * What an attempt returns when it lost an optimistic version race (its guarded write matched no
 * document because someone else wrote first): the helper reads again and decides again.
 */
export const LOST_RACE = Symbol('lost-race');
export type LostRace = typeof LOST_RACE;

/**
 * Attempts before giving up on a document other writers keep changing. Writers of one document
 * are few (a seller, a consumer, a moderator), so ten lost races in a row means something is
 * wrong; the caller's error then reaches the client as a 500 or the event transport as a retry.
 */
export const CONFLICT_ATTEMPTS = 10;

export interface RetryOnConflictOptions {
  /** Defaults to CONFLICT_ATTEMPTS; a call site with another limit says why beside it. */
  readonly attempts?: number;
  /**
   * Wait a random 0..min(attempt, 10) ms before the next round, so that writers who all lost to
   * the same winner do not meet again at once (hot documents written by many requests).
   */
  readonly jitter?: boolean;
  /** The error thrown once every attempt lost its race. */
  readonly exhausted: () => Error;
}

/**
 * Runs read → decide → guarded write until the write lands: `attempt` returns its result, or
 * LOST_RACE to be called again (with the next attempt number, from 1). Errors thrown by `attempt`
 * end the loop at once.
 */
export async function retryOnConflict<T>(
  options: RetryOnConflictOptions,
  attempt: (attemptNumber: number) => Promise<T | LostRace>,
): Promise<T> {
  const attempts = options.attempts ?? CONFLICT_ATTEMPTS;
  for (let n = 1; n <= attempts; n++) {
    const result = await attempt(n);
    if (result !== LOST_RACE) return result;
    if (options.jitter && n < attempts) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(n, 10)));
    }
  }
  throw options.exhausted();
}
