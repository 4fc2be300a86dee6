import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DEMO_ACCOUNTS, localAuth } from '../../../lib/session/local-sign-in';
import { safeReturnTo } from '../../../lib/session/return-to';
import { ROLES } from '../../../lib/session/viewer';
import { type SearchParams, single } from '../../../lib/urls';

export const metadata: Metadata = { title: 'Development sign-in', robots: { index: false } };

const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  customer: 'Customer',
  seller: 'Seller',
  moderator: 'Moderator',
  'catalog-editor': 'Catalog editor',
};

/** Local development only: pick who to be; the server mints a token with the local key. */
export default async function DevSignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!localAuth()) notFound();
  const params = await searchParams;
  const returnTo = safeReturnTo(single(params.returnTo));
  const error = single(params.error);
  return (
    <section className="auth-page" aria-labelledby="dev-sign-in-title">
      <h1 id="dev-sign-in-title">Sign in (local development)</h1>
      <p className="auth-page__note">
        This page exists only while the services run with local auth. It mints a token with the local
        development key; production sign-in goes through the identity provider.
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action="/auth/dev-sign-in/session" className="auth-form">
        <input type="hidden" name="returnTo" value={returnTo} />
        <fieldset>
          <legend>Demo accounts</legend>
          <ul className="auth-presets">
            {DEMO_ACCOUNTS.map((account) => (
              <li key={account.accountId}>
                <button type="submit" name="preset" value={account.accountId} className="button">
                  {account.label}
                </button>
                <span className="auth-presets__id">{account.accountId}</span>
              </li>
            ))}
          </ul>
        </fieldset>
      </form>
      <form method="post" action="/auth/dev-sign-in/session" className="auth-form">
        <input type="hidden" name="returnTo" value={returnTo} />
        <fieldset>
          <legend>Any account</legend>
          <fieldset className="auth-form__roles">
            <legend>Roles</legend>
            {ROLES.map((role) => (
              <label key={role}>
                <input type="checkbox" name="role" value={role} defaultChecked={role === 'customer'} />{' '}
                {ROLE_LABELS[role]}
              </label>
            ))}
          </fieldset>
          <label htmlFor="dev-account-id">Account id</label>
          <input
            id="dev-account-id"
            name="accountId"
            required
            maxLength={64}
            pattern="[A-Za-z0-9._\-]+"
            defaultValue="acc-dev"
          />
          <label htmlFor="dev-seller-id">Seller id (sellers only)</label>
          <input id="dev-seller-id" name="sellerId" maxLength={64} pattern="[A-Za-z0-9._\-]*" />
          <label>
            <input type="checkbox" name="ageVerified" defaultChecked /> Age-verified (13 or older)
          </label>
          <button type="submit" className="button button--primary">
            Sign in
          </button>
        </fieldset>
      </form>
    </section>
  );
}
