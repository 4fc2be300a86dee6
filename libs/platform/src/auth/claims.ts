import { z } from 'zod';

export const Role = {
  Customer: 'customer',
  Seller: 'seller',
  Moderator: 'moderator',
  CatalogEditor: 'catalog-editor',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role);

/** The claims our tokens carry (docs/architecture.md, "Auth"). */
export const claimsSchema = z
  .object({
    sub: z.string().min(1).max(128),
    roles: z.array(z.enum(ROLES)).default([]),
    sellerId: z.string().min(1).max(64).optional(),
    ageVerified: z.boolean().default(false),
    exp: z.number().optional(),
  })
  .refine((claims) => !claims.roles.includes('seller') || claims.sellerId !== undefined, {
    path: ['sellerId'],
    message: 'is required when the token has the seller role',
  });

/** Who is calling, as the verified token says. */
export interface Principal {
  readonly accountId: string;
  readonly roles: readonly Role[];
  readonly sellerId?: string;
  /** True only when the account is verified to be 13 or older. */
  readonly ageVerified: boolean;
  readonly expiresAt?: Date;
}

export function hasRole(principal: Principal | undefined, role: Role): boolean {
  return principal?.roles.includes(role) ?? false;
}
