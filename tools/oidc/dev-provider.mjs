// A real OpenID Connect provider (the `oidc-provider` package) for the web app's sign-in tests and
// for trying the OIDC mode by hand. ESM-only like its package, so it runs as its own process:
//
//   node tools/oidc/dev-provider.mjs --port 0 --redirect-uri http://127.0.0.1:3000/auth/callback \
//     --post-logout-redirect-uri http://127.0.0.1:3000/ --resource https://api.bookstore.test
//
// It prints one JSON line when it listens: {"issuer":"http://127.0.0.1:<port>","jwksUri":...}.
// Test accounts only, kept in memory: never a production identity provider.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** The accounts one can sign in as (password: "password"), and the claims their tokens carry. */
const ACCOUNTS = {
  'oidc-shopper': { roles: ['customer'], ageVerified: true },
  'oidc-child': { roles: ['customer'], ageVerified: false },
  'oidc-seller': { roles: ['seller'], sellerId: 'seller-oidc', ageVerified: true },
  'oidc-moderator': { roles: ['moderator'], ageVerified: true },
};
const PASSWORD = 'password';
/** The resource server's scope the web client asks for; its access tokens are JWTs. */
const API_SCOPE = 'api';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'client-id': { type: 'string', default: 'bookstore-web' },
    'client-secret': { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true, default: ['http://127.0.0.1:3000/auth/callback'] },
    'post-logout-redirect-uri': { type: 'string', multiple: true, default: ['http://127.0.0.1:3000/'] },
    resource: { type: 'string', default: 'https://api.bookstore.test' },
    'access-token-ttl': { type: 'string', default: '600' },
  },
});

const escapeHtml = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#1f1d1a}
label{display:block;margin-top:.75rem}input{display:block;width:100%;padding:.4rem;margin-top:.25rem}
button{margin-top:1rem;padding:.5rem 1rem;background:#134232;color:#fff;border:0;border-radius:4px}
.error{color:#8a2a12;font-weight:600}</style></head><body><main>${body}</main></body></html>`;

function loginPage(uid, error) {
  return page(
    'Sign in to the test identity provider',
    `<h1>Test identity provider</h1>
<p>Accounts: ${Object.keys(ACCOUNTS).map(escapeHtml).join(', ')}; password "${PASSWORD}".</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label for="login">Account</label><input id="login" name="login" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>`,
  );
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

function configuration(jwk) {
  const { resource } = args;
  const client = {
    client_id: args['client-id'],
    redirect_uris: args['redirect-uri'],
    post_logout_redirect_uris: args['post-logout-redirect-uri'],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    ...(args['client-secret']
      ? { client_secret: args['client-secret'], token_endpoint_auth_method: 'client_secret_basic' }
      : { token_endpoint_auth_method: 'none' }),
  };
  return {
    clients: [client],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    ttl: {
      AccessToken: Number(args['access-token-ttl']),
      IdToken: 600,
      Session: 3600,
      Interaction: 600,
      Grant: 3600,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          ctx.body = page(
            'Sign out',
            `<h1>Sign out of the test identity provider?</h1>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>`,
          );
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, indicator) {
          if (indicator !== resource) throw new Provider.errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: resource,
            accessTokenTTL: Number(args['access-token-ttl']),
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    findAccount: (_ctx, id) => (ACCOUNTS[id] ? { accountId: id, claims: () => ({ sub: id }) } : undefined),
    // The claim contract of apps/web/README.md: roles, sellerId, ageVerified in the access token.
    extraTokenClaims(_ctx, token) {
      const account = token.kind === 'AccessToken' ? ACCOUNTS[token.accountId] : undefined;
      return account ? { ...account, roles: [...account.roles] } : undefined;
    },
    // A first-party client: the grant is given without a consent screen.
    async loadExistingGrant(ctx) {
      const { client, session, result, provider } = ctx.oidc;
      const grantId = result?.consent?.grantId || session.grantIdFor(client.clientId);
      if (grantId) return provider.Grant.find(grantId);
      const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid');
      grant.addResourceScope(resource, API_SCOPE);
      await grant.save();
      return grant;
    },
  };
}

async function interaction(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  res.setHeader('cache-control', 'no-store');
  if (req.method === 'GET') {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(loginPage(details.uid));
    return;
  }
  const form = await readForm(req);
  const login = form.get('login') ?? '';
  if (!ACCOUNTS[login] || form.get('password') !== PASSWORD) {
    res.statusCode = 401;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(loginPage(details.uid, 'Unknown account or wrong password.'));
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: login } },
    { mergeWithLastSubmission: false },
  );
}

async function main() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = {
    ...(await exportJWK(privateKey)),
    kid: `dev-${randomBytes(4).toString('hex')}`,
    alg: 'RS256',
    use: 'sig',
  };
  let provider;
  let handle;
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(provider, req, res).catch((error) => {
        res.statusCode = 400;
        res.end(`interaction failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      return;
    }
    handle(req, res);
  });
  await new Promise((resolve) => server.listen(Number(args.port), '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  provider = new Provider(issuer, configuration(jwk));
  handle = provider.callback();
  process.stdout.write(
    `${JSON.stringify({ issuer, jwksUri: `${issuer}/jwks`, clientId: args['client-id'] })}\n`,
  );
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`dev-provider: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
