import { webConfig } from '../config';

/**
 * CSRF protection for forms that POST to route handlers (Server Actions get Next's own Origin
 * check). The session cookie is SameSite=Lax, so a cross-site POST arrives without it; this check is
 * the second lock: the request must come from a page of this site, judged by `Origin`, or, when a
 * browser sends none, by `Sec-Fetch-Site`, then `Referer`. A request with none of them is refused.
 */
export class CrossSiteRequestError extends Error {
  readonly status = 403;
  constructor(reason: string) {
    super(`cross-site request refused: ${reason}`);
    this.name = 'CrossSiteRequestError';
  }
}

/** The site's configured origin, or the origin whose host is the one this request was sent to. */
function isOwnOrigin(request: Request, origin: string): boolean {
  if (origin === new URL(webConfig().siteUrl).origin) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function originOf(value: string): string | undefined {
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/** Throws `CrossSiteRequestError` unless the request comes from a page of this site. */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (origin !== null) {
    if (!isOwnOrigin(request, origin)) throw new CrossSiteRequestError(`origin ${origin}`);
    return;
  }
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite !== null) {
    if (fetchSite !== 'same-origin') throw new CrossSiteRequestError(`sec-fetch-site ${fetchSite}`);
    return;
  }
  const referer = request.headers.get('referer');
  const refererOrigin = referer ? originOf(referer) : undefined;
  if (!refererOrigin || !isOwnOrigin(request, refererOrigin))
    throw new CrossSiteRequestError('no same-site origin');
}

/** For route handlers: the 403 answer of a cross-site request, or undefined when it may proceed. */
export function refuseCrossSite(request: Request): Response | undefined {
  try {
    assertSameOrigin(request);
    return undefined;
  } catch (error) {
    if (!(error instanceof CrossSiteRequestError)) throw error;
    return new Response('This form must be sent from a page of this site.', {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
}
