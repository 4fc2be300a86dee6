import Link from 'next/link';
import { currentViewer } from '../lib/session';
import '../app/auth/auth.css';

/** The header's "Sign in" link, or the signed-in viewer's account link and sign-out button. */
export async function AccountMenu() {
  const viewer = await currentViewer();
  if (!viewer) {
    return (
      <nav className="account-menu" aria-label="Account">
        {/* No returnTo: the sign-in route returns to the page the link was clicked on (its Referer). */}
        <a href="/auth/sign-in">Sign in</a>
      </nav>
    );
  }
  return (
    <nav className="account-menu" aria-label="Account">
      <Link href="/me" prefetch={false}>
        Your account <span className="visually-hidden">({viewer.accountId})</span>
      </Link>
      <form method="post" action="/auth/sign-out">
        <button type="submit">Sign out</button>
      </form>
    </nav>
  );
}
