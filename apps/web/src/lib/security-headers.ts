/**
 * Security headers of the storefront. Pages get a Content-Security-Policy with a fresh nonce per
 * request (src/proxy.ts): Next.js reads the nonce back from the request's policy and puts it on
 * its own scripts, so no inline script runs without it ('unsafe-inline' is never allowed).
 */

/** Headers with no per-request value: on every response, static assets included (next.config.ts). */
export const STATIC_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // For browsers that predate CSP's frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

export interface PolicyOptions {
  /** `next dev` needs eval for React's debugging aids; production never does. */
  readonly development: boolean;
  /** Behind TLS, ask browsers to upgrade any stray http subresource. */
  readonly https: boolean;
  /** Other origins a form may lead to: the identity provider, where sign-out continues. */
  readonly formActionOrigins?: readonly string[];
}

export function contentSecurityPolicy(nonce: string, options: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...(options.formActionOrigins ?? [])].join(' '),
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** 128 random bits, base64: unguessable, and valid in a CSP source expression. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
