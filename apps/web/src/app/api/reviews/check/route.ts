import { checkReview } from '../../../../lib/api/reviewing';
import { accessToken } from '../../../../lib/session';
import { refuseCrossSite } from '../../../../lib/session/csrf';

const MAX_REQUEST_BYTES = 16_384;

const json = (body: unknown, status: number) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

/**
 * The review form's rule check as you type: the browser talks only to this app, which forwards the
 * text with the viewer's token to the reviews service's `POST /reviews/check` and answers its verdict.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const token = await accessToken();
  if (!token)
    return json({ error: { code: 'SIGN_IN_REQUIRED', message: 'Sign in to check a review.' } }, 401);
  const raw = await request.text();
  if (raw.length > MAX_REQUEST_BYTES)
    return json({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'Too long.' } }, 413);
  let input: unknown;
  try {
    input = JSON.parse(raw);
  } catch {
    return json({ error: { code: 'BAD_REQUEST', message: 'Send JSON.' } }, 400);
  }
  const { title, body } = (input ?? {}) as { title?: unknown; body?: unknown };
  if (typeof body !== 'string' || (title !== undefined && typeof title !== 'string'))
    return json({ error: { code: 'BAD_REQUEST', message: 'Send {title?, body}.' } }, 400);
  const checked = await checkReview(token, { ...(title ? { title } : {}), body });
  return checked.ok ? json(checked.data, 200) : json({ error: checked }, checked.status);
}
