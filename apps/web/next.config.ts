import path from 'node:path';
import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './src/lib/security-headers';

const nextConfig: NextConfig = {
  // The container image serves a self-contained server (server.js + the files it needs); `npm start`
  // serves the ordinary build with `next start`, which refuses to run a standalone one.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // The workspace's dependencies are hoisted to the repository root: trace files from there.
  outputFileTracingRoot: path.join(__dirname, '..', '..'),
  turbopack: { root: path.join(__dirname, '..', '..') },
  poweredByHeader: false,
  // `next dev` would otherwise write an AGENTS.md (agent rules, upgrade notes) into the app.
  agentRules: false,
  experimental: { agentUpgrade: false },
  reactStrictMode: true,
  // Headers without a per-request value go on every response, static assets included; the
  // nonce-based Content-Security-Policy of pages is set per request in src/proxy.ts.
  headers() {
    return Promise.resolve([{ source: '/:path*', headers: STATIC_SECURITY_HEADERS }]);
  },
};

export default nextConfig;
