/**
 * The web app's session seam (server only: never import it from a client component). Pages ask
 * who is signed in and get the token to forward to the services; how sign-in happens (local
 * development page or OpenID Connect) stays behind it. See apps/web/README.md, "Sign-in".
 */
import { redirect } from 'next/navigation';
import { safeReturnTo } from './return-to';
import { readSession } from './store';
import type { Viewer } from './viewer';

export type { Role, Viewer } from './viewer';

/** The signed-in viewer of this request, or undefined. Reads the httpOnly session cookie. */
export async function currentViewer(): Promise<Viewer | undefined> {
  return (await readSession())?.viewer;
}

/** The viewer, or a redirect (Next `redirect()`) to the sign-in page that comes back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) redirect(signInPath(returnTo));
  return viewer;
}

/** The bearer token to forward to the services for this request (server side only), or undefined. */
export async function accessToken(): Promise<string | undefined> {
  return (await readSession())?.accessToken;
}

/** Where the "Sign in" link points, coming back to `returnTo` (a same-site path). */
export function signInPath(returnTo: string): string {
  return `/auth/sign-in?${new URLSearchParams({ returnTo: safeReturnTo(returnTo) }).toString()}`;
}
