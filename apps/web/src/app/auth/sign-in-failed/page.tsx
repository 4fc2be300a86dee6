import type { Metadata } from 'next';
import Link from 'next/link';
import type { SearchParams } from '../../../lib/urls';
import { single } from '../../../lib/urls';

export const metadata: Metadata = { title: 'Sign-in did not complete', robots: { index: false } };

const REASONS: Record<string, string> = {
  expired: 'The sign-in took too long or was started in another window. Please start again.',
  refused: 'The sign-in was cancelled or refused at the identity provider.',
  claims:
    'Your account is missing details this store needs (its roles or age verification). Please contact support.',
  provider:
    'The identity provider could not be reached or gave an answer we could not accept. Please try again later.',
};

export default async function SignInFailedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const reason = single((await searchParams).reason) ?? 'provider';
  return (
    <section className="auth-page">
      <h1>Sign-in did not complete</h1>
      <p>{REASONS[reason] ?? REASONS.provider}</p>
      <p>
        <a href="/auth/sign-in">Try signing in again</a> or <Link href="/">go to the home page</Link>.
      </p>
    </section>
  );
}
