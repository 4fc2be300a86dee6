import createClient, { type Client } from 'openapi-fetch';
import { webConfig } from '../config';

/**
 * What a page gets from one upstream call: the body, or why not. A page shows `unavailable` as a
 * plain message in that section and keeps rendering the rest; it never turns into a 500.
 */
export type Loaded<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly reason: 'not_found' | 'unavailable' };

/** The JSON body of an operation's response with the given status (200 by default). */
export type JsonBody<Operation, Status extends number = 200> = Operation extends {
  responses: { [S in Status]: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

/** A typed client for one service, server-side only; every call is bounded by a timeout. */
export function serviceClient<Paths extends object>(baseUrl: string): Client<Paths> {
  const { upstreamTimeoutMs } = webConfig();
  return createClient<Paths>({
    baseUrl,
    cache: 'no-store',
    fetch: (request) => fetch(request, { signal: AbortSignal.timeout(upstreamTimeoutMs) }),
  });
}

/**
 * Runs one call and folds every failure (refused, timed out, 5xx, unexpected 4xx) into `Loaded`.
 * `notFound` lists the statuses that mean "no such thing" for this call (404 by default).
 */
export async function load<T>(
  service: string,
  call: () => Promise<{ data?: T; response: Response }>,
  notFound: readonly number[] = [404],
): Promise<Loaded<T>> {
  try {
    const { data, response } = await call();
    if (response.ok && data !== undefined) return { ok: true, data };
    if (notFound.includes(response.status)) return { ok: false, reason: 'not_found' };
    logUpstreamFailure(service, `status ${response.status}`);
  } catch (error) {
    logUpstreamFailure(service, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
  return { ok: false, reason: 'unavailable' };
}

function logUpstreamFailure(service: string, detail: string): void {
  process.stderr.write(
    `${JSON.stringify({ level: 'warn', time: new Date().toISOString(), msg: 'upstream call failed', service, detail })}\n`,
  );
}
