import { refuseCrossSite } from '../../../../lib/session/csrf';
import { formText, localAuth, localSession, viewerFromForm } from '../../../../lib/session/local-sign-in';
import { safeReturnTo, seeOther } from '../../../../lib/session/return-to';
import { writeSession } from '../../../../lib/session/store';

/** The development sign-in form's target: mints a local token and starts the session. */
export async function POST(request: Request): Promise<Response> {
  const config = localAuth();
  if (!config) return new Response('Not found', { status: 404 });
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const form = await request.formData();
  const returnTo = safeReturnTo(formText(form, 'returnTo'));
  const viewer = viewerFromForm(form);
  if (typeof viewer === 'string') {
    const back = `/auth/dev-sign-in?${new URLSearchParams({ returnTo, error: viewer }).toString()}`;
    return seeOther(back);
  }
  const response = seeOther(returnTo);
  await writeSession(response, await localSession(config, viewer));
  return response;
}
