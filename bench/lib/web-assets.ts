import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One script a page loads, raw and gzipped (zlib's default level, as Next's compression uses). */
export interface ScriptSize {
  readonly src: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

const ATTRIBUTE = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');

function attribute(tag: string, name: string): string | undefined {
  const match = ATTRIBUTE(name).exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'");
}

/**
 * The external scripts an HTML page makes the browser download, once each, in document order:
 * `<script src>` and `<link rel="preload|modulepreload" as="script">` (a preloaded chunk is
 * shipped whether or not a script tag names it). Inline scripts carry data, not code files, and
 * are counted apart (`inlineScripts`).
 */
export function scriptSources(html: string): string[] {
  const sources: string[] = [];
  const add = (value: string | undefined) => {
    const src = value && decodeEntities(value);
    if (src && !sources.includes(src)) sources.push(src);
  };
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    if (/^<script/i.test(tag)) add(attribute(tag, 'src'));
    else {
      const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
      const as = (attribute(tag, 'as') ?? '').toLowerCase();
      if (rel.includes('modulepreload') || (rel.includes('preload') && as === 'script'))
        add(attribute(tag, 'href'));
    }
  }
  return sources;
}

/** The bodies of the page's inline scripts (without `src`), JSON-LD excluded. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\ssrc\s*=/i.test(` ${attributes}`))
    .filter(([, attributes]) => !/application\/ld\+json/i.test(attributes))
    .map(([, , body]) => body);
}

export function gzipSize(body: Buffer | string): ScriptSize['gzipBytes'] {
  return gzipSync(body).length;
}

export function sizeOf(src: string, body: Buffer): ScriptSize {
  return { src, bytes: body.length, gzipBytes: gzipSize(body) };
}

export function totalSize(sizes: readonly ScriptSize[]): { bytes: number; gzipBytes: number } {
  return sizes.reduce((sum, s) => ({ bytes: sum.bytes + s.bytes, gzipBytes: sum.gzipBytes + s.gzipBytes }), {
    bytes: 0,
    gzipBytes: 0,
  });
}

/**
 * The file a same-origin `/_next/static/...` script was built to (`<app>/.next/static/...`), so
 * its size is read from the build itself; undefined for any other URL.
 */
export function builtAssetPath(appDir: string, src: string, origin: string): string | undefined {
  const url = new URL(src, origin);
  if (url.origin !== new URL(origin).origin || !url.pathname.startsWith('/_next/static/')) return undefined;
  const staticDir = join(appDir, '.next', 'static');
  const file = normalize(join(staticDir, decodeURIComponent(url.pathname.slice('/_next/static/'.length))));
  return file.startsWith(`${staticDir}${sep}`) ? file : undefined;
}

/** Each script's size from the build output, or from the server for what the build does not hold. */
export async function measureScripts(html: string, origin: string, appDir: string): Promise<ScriptSize[]> {
  const sizes: ScriptSize[] = [];
  for (const src of scriptSources(html)) {
    const file = builtAssetPath(appDir, src, origin);
    if (file && existsSync(file)) {
      sizes.push(sizeOf(src, readFileSync(file)));
      continue;
    }
    const response = await fetch(new URL(src, origin));
    if (!response.ok) throw new Error(`script ${src} answered ${response.status}`);
    sizes.push(sizeOf(src, Buffer.from(await response.arrayBuffer())));
  }
  return sizes;
}
