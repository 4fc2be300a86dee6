import { z } from 'zod';
import { penNameStatusSchema, timestampSchema } from '@app/contracts';
import type { PenName } from '../pen-name.schema';

export const createPenNameSchema = z.strictObject({ name: z.string().min(1).max(64) });
export type CreatePenNameDto = z.output<typeof createPenNameSchema>;

/** A pen name as its owner sees it; the account id is never shown to anyone else. */
export const penNameViewSchema = z.object({
  penNameId: z.string(),
  name: z.string(),
  status: penNameStatusSchema,
  createdAt: timestampSchema,
});
export type PenNameView = z.output<typeof penNameViewSchema>;

export function toPenNameView(penName: PenName): PenNameView {
  return {
    penNameId: penName._id,
    name: penName.name,
    status: penName.status,
    createdAt: penName.createdAt.toISOString(),
  };
}

export const penNameAvailabilityViewSchema = z.object({
  name: z.string(),
  available: z.boolean(),
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type PenNameAvailabilityView = z.output<typeof penNameAvailabilityViewSchema>;
