import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { builtAssetPath, inlineScripts, scriptSources, sizeOf, totalSize } from './web-assets';

const PAGE = `<!DOCTYPE html><html><head>
<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack-1.js"/>
<link rel="stylesheet" href="/_next/static/css/app.css"/>
<link rel="preload" as="font" href="/_next/static/media/font.woff2"/>
<link rel="modulepreload" href="/_next/static/chunks/module.js">
<script src="/_next/static/chunks/main-app.js?v=1&amp;x=2" async=""></script>
<script type="application/ld+json">{"@type":"Book"}</script>
</head><body><script src='/_next/static/chunks/webpack-1.js' async></script>
<script nonce="abc">self.__next_f.push([1,"data"])</script>
<script src=/_next/static/chunks/page.js></script></body></html>`;

describe('scriptSources', () => {
  it('lists script tags and preloaded scripts once each, in document order, ignoring styles and fonts', () => {
    expect(scriptSources(PAGE)).toEqual([
      '/_next/static/chunks/webpack-1.js',
      '/_next/static/chunks/module.js',
      '/_next/static/chunks/main-app.js?v=1&x=2',
      '/_next/static/chunks/page.js',
    ]);
  });

  it('finds nothing in a page without scripts', () => {
    expect(scriptSources('<html><body><p>static</p></body></html>')).toEqual([]);
  });
});

describe('inlineScripts', () => {
  it('returns inline code, not external scripts or JSON-LD', () => {
    expect(inlineScripts(PAGE)).toEqual(['self.__next_f.push([1,"data"])']);
  });
});

describe('sizes', () => {
  it('gzips each script and sums raw and gzipped bytes', () => {
    const body = Buffer.from('function f(){return 1}\n'.repeat(200));
    const one = sizeOf('/a.js', body);
    expect(one.bytes).toBe(body.length);
    expect(one.gzipBytes).toBe(gzipSync(body).length);
    expect(gunzipSync(gzipSync(body)).equals(body)).toBe(true);
    expect(one.gzipBytes).toBeLessThan(one.bytes);
    expect(totalSize([one, { src: '/b.js', bytes: 10, gzipBytes: 7 }])).toEqual({
      bytes: one.bytes + 10,
      gzipBytes: one.gzipBytes + 7,
    });
    expect(totalSize([])).toEqual({ bytes: 0, gzipBytes: 0 });
  });
});

describe('builtAssetPath', () => {
  const app = '/repo/apps/web';
  const origin = 'http://127.0.0.1:3000';

  it('maps a same-origin /_next/static URL to the build output, without its query', () => {
    expect(builtAssetPath(app, '/_next/static/chunks/a%20b.js?v=1', origin)).toBe(
      join(app, '.next', 'static', 'chunks', 'a b.js'),
    );
  });

  it('refuses other origins, other paths and escapes from the static folder', () => {
    expect(builtAssetPath(app, 'https://cdn.example/_next/static/chunks/a.js', origin)).toBeUndefined();
    expect(builtAssetPath(app, '/assets/a.js', origin)).toBeUndefined();
    expect(builtAssetPath(app, '/_next/static/%2e%2e/%2e%2e/secret.js', origin)).toBeUndefined();
  });
});
