import { z } from 'zod';
import type { PenName } from '../pen-name.schema';

export const createPenNameSchema = z.strictObject({ name: z.string().min(1).max(64) });
export type CreatePenNameDto = z.output<typeof createPenNameSchema>;

/** A pen name as its owner sees it; the account id is never shown to anyone else. */
export interface PenNameView {
  penNameId: string;
  name: string;
  status: PenName['status'];
  createdAt: string;
}

export function toPenNameView(penName: PenName): PenNameView {
  return {
    penNameId: penName._id,
    name: penName.name,
    status: penName.status,
    createdAt: penName.createdAt.toISOString(),
  };
}

export interface PenNameAvailabilityView {
  name: string;
  available: boolean;
  problems: { code: string; message: string }[];
}
