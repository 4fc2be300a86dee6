import { NextResponse } from 'next/server';

const hasControlOrBackslash = (value: string) =>
  [...value].some((char) => char === '\\' || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

/**
 * Where sign-in may send the browser back to: a path on this site only. Anything else (another
 * origin, `//host`, a backslash trick, a scheme) becomes the home page, so sign-in is no open redirect.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || hasControlOrBackslash(value)) return '/';
  try {
    const url = new URL(value, 'http://site.invalid');
    if (url.origin !== 'http://site.invalid') return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

/**
 * A 303 to a path of this site. The Location stays relative, so the browser keeps the host it is
 * on (and the cookies set for it) whatever name the server is reached by.
 */
export function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { location: path, 'cache-control': 'no-store' } });
}
