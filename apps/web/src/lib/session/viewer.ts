import type { JWTPayload } from 'jose';

export const ROLES = ['customer', 'seller', 'moderator', 'catalog-editor'] as const;
export type Role = (typeof ROLES)[number];

export interface Viewer {
  /** The token's `sub`. */
  accountId: string;
  roles: readonly Role[];
  sellerId?: string;
  /** True only when the account is verified 13 or older. */
  ageVerified: boolean;
}

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/**
 * The viewer an access token's claims describe (the claim contract of docs and apps/web/README.md),
 * or undefined when they break it. The services verify the token again on every call: this is for
 * what the pages show, never for what a service allows.
 */
export function viewerFromClaims(claims: JWTPayload): Viewer | undefined {
  const { sub, roles, sellerId, ageVerified } = claims;
  if (typeof sub !== 'string' || sub.length === 0) return undefined;
  const roleList = roles === undefined ? [] : roles;
  if (!Array.isArray(roleList) || !roleList.every(isRole)) return undefined;
  if (sellerId !== undefined && typeof sellerId !== 'string') return undefined;
  if (roleList.includes('seller') && !sellerId) return undefined;
  return {
    accountId: sub,
    roles: roleList,
    ...(sellerId ? { sellerId } : {}),
    ageVerified: ageVerified === true,
  };
}
