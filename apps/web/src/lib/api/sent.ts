/**
 * What a page gets from one upstream write (or a signed-in read whose refusal it must explain):
 * the body, or the service's error code and message. Unlike `Loaded`, refusals keep their code, so
 * a page can say in words why (an under-13 account, a pen name taken, a rule broken).
 */
export type Sent<T> =
  | { readonly ok: true; readonly status: number; readonly data: T }
  | {
      readonly ok: false;
      readonly status: number;
      readonly code: string;
      readonly message: string;
      readonly details?: unknown;
    };

type ErrorShape = { error?: { code?: unknown; message?: unknown; details?: unknown } };

/** Runs one call; a refused, timed-out or 5xx call is `SERVICE_UNAVAILABLE` (status 503). */
export async function send<T>(
  service: string,
  call: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Sent<T>> {
  try {
    const { data, error, response } = await call();
    if (response.ok) return { ok: true, status: response.status, data: data as T };
    const body = (error ?? {}) as ErrorShape;
    if (response.status < 500 && typeof body.error?.code === 'string') {
      return {
        ok: false,
        status: response.status,
        code: body.error.code,
        message: typeof body.error.message === 'string' ? body.error.message : body.error.code,
        details: body.error.details,
      };
    }
    warn(service, `status ${response.status}`);
  } catch (error) {
    warn(service, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
  return { ok: false, status: 503, code: 'SERVICE_UNAVAILABLE', message: 'The service did not answer.' };
}

function warn(service: string, detail: string): void {
  process.stderr.write(
    `${JSON.stringify({ level: 'warn', time: new Date().toISOString(), msg: 'upstream write failed', service, detail })}\n`,
  );
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
