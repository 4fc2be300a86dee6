import { SignJWT } from 'jose';
import { authConfig, type LocalAuthConfig } from '../config';
import type { Session } from './store';
import { isRole, type Role, type Viewer, viewerFromClaims } from './viewer';

/** Ready-made accounts of the development sign-in page. */
export const DEMO_ACCOUNTS: readonly (Viewer & { readonly label: string })[] = [
  { label: 'Shopper, age-verified', accountId: 'demo-shopper', roles: ['customer'], ageVerified: true },
  {
    label: 'Shopper under 13 (not age-verified)',
    accountId: 'demo-child',
    roles: ['customer'],
    ageVerified: false,
  },
  {
    label: 'Seller',
    accountId: 'demo-seller',
    roles: ['seller'],
    sellerId: 'seller-demo',
    ageVerified: true,
  },
  { label: 'Moderator', accountId: 'demo-moderator', roles: ['moderator'], ageVerified: true },
  { label: 'Catalog editor', accountId: 'demo-editor', roles: ['catalog-editor'], ageVerified: true },
];

/** The local configuration, or undefined: the development sign-in exists only in local mode. */
export function localAuth(): LocalAuthConfig | undefined {
  const config = authConfig();
  return config.mode === 'local' ? config : undefined;
}

/** A form field's text (a file upload counts as empty). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** The viewer the development sign-in form describes, or a sentence saying what is wrong. */
export function viewerFromForm(form: FormData): Viewer | string {
  const preset = DEMO_ACCOUNTS.find((account) => account.accountId === form.get('preset'));
  if (preset)
    return {
      accountId: preset.accountId,
      roles: preset.roles,
      sellerId: preset.sellerId,
      ageVerified: preset.ageVerified,
    };
  const roles = form.getAll('role').filter((role): role is Role => isRole(role));
  const accountId = formText(form, 'accountId');
  const sellerId = formText(form, 'sellerId');
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(accountId))
    return 'Account id: 1 to 64 letters, digits, dots, dashes or underscores.';
  if (roles.length === 0) return 'Pick at least one role.';
  if (roles.includes('seller') && !/^[A-Za-z0-9._-]{1,64}$/.test(sellerId))
    return 'A seller needs a seller id.';
  const viewer = viewerFromClaims({
    sub: accountId,
    roles,
    ...(roles.includes('seller') ? { sellerId } : {}),
    ageVerified: form.get('ageVerified') === 'on',
  });
  return viewer ?? 'Those details do not make a valid account.';
}

/** Mints the HS256 token the services accept under local auth (same key, issuer and audience). */
export async function localSession(config: LocalAuthConfig, viewer: Viewer): Promise<Session> {
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = now + config.tokenTtlSeconds;
  const accessToken = await new SignJWT({
    roles: [...viewer.roles],
    ...(viewer.sellerId ? { sellerId: viewer.sellerId } : {}),
    ageVerified: viewer.ageVerified,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(viewer.accountId)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(config.jwtSecret));
  return { viewer, accessToken, expiresAt };
}
