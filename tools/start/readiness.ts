/**
 * Polls `<baseUrl>/health/ready` until it answers 200. `givenUp` is asked between polls and ends
 * the wait with its reason (a process that died, for example). Rejects with a message that names
 * the service, its URL and the last answer or connection error.
 */
export async function waitForReady(input: {
  readonly name: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly givenUp?: () => string | undefined;
}): Promise<void> {
  const deadline = Date.now() + input.timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const reason = input.givenUp?.();
    if (reason) throw new Error(`${input.name} ${reason}`);
    try {
      const response = await fetch(`${input.baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      last = `answered ${response.status}`;
    } catch (error) {
      last = connectionError(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${input.name} at ${input.baseUrl} was not ready within ${input.timeoutMs} ms (${last})`);
}

/** fetch's "fetch failed" hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, ...). */
export function connectionError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}
