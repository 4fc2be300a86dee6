import type { Metadata } from 'next';
import Link from 'next/link';
import { Unavailable } from '../../components/unavailable';
import { serviceSession } from '../../lib/api/account';
import { accessToken, requireViewer } from '../../lib/session';
import '../auth/auth.css';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

/** Who is signed in, as the web app and (through the forwarded token) the services see it. */
export default async function AccountPage() {
  const viewer = await requireViewer('/me');
  const token = await accessToken();
  const seen = token ? await serviceSession(token) : undefined;
  return (
    <section className="auth-page" aria-labelledby="account-title">
      <h1 id="account-title">Your account</h1>
      <dl className="account-facts">
        <dt>Account</dt>
        <dd data-testid="account-id">{viewer.accountId}</dd>
        <dt>Roles</dt>
        <dd>{viewer.roles.join(', ') || 'none'}</dd>
        {viewer.sellerId ? (
          <>
            <dt>Seller id</dt>
            <dd>{viewer.sellerId}</dd>
          </>
        ) : null}
        <dt>Age verification</dt>
        <dd>
          {viewer.ageVerified ? 'Verified 13 or older' : 'Not verified: writing reviews is not available'}
        </dd>
      </dl>
      <nav aria-label="Your activity">
        <ul>
          <li>
            <Link href="/me/reviews">Your reviews</Link>: their states and any moderation decision
          </li>
          <li>
            <Link href="/me/reports">Your reports</Link>: what you reported and the outcomes
          </li>
        </ul>
      </nav>
      <h2>As the marketplace services see you</h2>
      {seen?.ok ? (
        <p data-testid="service-session">
          The reviews service accepts your sign-in as account <strong>{seen.data.accountId}</strong>
          {seen.data.expiresAt ? `, until ${new Date(seen.data.expiresAt).toUTCString()}` : ''}.
        </p>
      ) : (
        <Unavailable what="What the services know of your account" />
      )}
    </section>
  );
}
