import { z } from 'zod';
import { timestampSchema } from '@app/contracts';
import type { SellerProfile } from '../seller-profile.schema';

export const saveProfileBody = z.strictObject({ displayName: z.string().min(1).max(60) });
export type SaveProfileBody = z.output<typeof saveProfileBody>;

export const profileViewSchema = z.object({
  sellerId: z.string(),
  displayName: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export function profileView(profile: SellerProfile): z.output<typeof profileViewSchema> {
  return {
    sellerId: profile._id,
    displayName: profile.displayName,
    createdAt: profile.createdAt.toISOString(),
    updatedAt: profile.updatedAt.toISOString(),
  };
}
