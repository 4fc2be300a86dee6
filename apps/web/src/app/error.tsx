'use client';

import Link from 'next/link';

/** Last resort for an unexpected failure: a plain message, never a stack trace. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="message-page">
      <h1>Something went wrong</h1>
      <p>This page could not be shown right now. Please try again in a moment.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{' '}
        <Link href="/">Back to the home page</Link>
      </p>
    </section>
  );
}
