import { z } from 'zod';
import type { SellerProfile } from '../seller-profile.schema';

export const saveProfileBody = z.strictObject({ displayName: z.string().min(1).max(60) });
export type SaveProfileBody = z.output<typeof saveProfileBody>;

export function profileView(profile: SellerProfile) {
  return {
    sellerId: profile._id,
    displayName: profile.displayName,
    createdAt: profile.createdAt.toISOString(),
    updatedAt: profile.updatedAt.toISOString(),
  };
}
