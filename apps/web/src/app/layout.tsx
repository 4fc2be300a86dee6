import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AccountMenu } from '../components/account-menu';
import { SearchBox } from '../components/search-box';
import { webConfig } from '../lib/config';
import './globals.css';

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(webConfig().siteUrl),
    title: { default: 'Bookstore: new and used books from many sellers', template: '%s | Bookstore' },
    description: 'Find books new and used from many sellers, with editorial and customer reviews.',
  };
}

// Every page is rendered per request: its scripts carry that request's CSP nonce (src/proxy.ts),
// which a page prerendered at build time could not.
export const dynamic = 'force-dynamic';

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="site-header__brand">
              Bookstore
            </Link>
            <SearchBox id="site-search" />
            <AccountMenu />
          </div>
        </header>
        <main id="main" className="site-main">
          {children}
        </main>
        <footer className="site-footer">
          <p>Bookstore marketplace: new and used books from independent sellers.</p>
        </footer>
      </body>
    </html>
  );
}
