import { Schema } from 'mongoose';
import type { PenNameState } from '@app/contracts';
import {
  OUTBOX_SCHEMA_FIELDS,
  OUTBOX_SWEEP_INDEX,
  OUTBOX_SWEEP_INDEX_OPTIONS,
  OutboxFields,
} from '@app/platform';

export interface PenName extends OutboxFields {
  _id: string;
  accountId: string;
  name: string;
  /** Lowercased name: the unique index on it makes names unique ignoring case, also under a race. */
  nameKey: string;
  /**
   * 1 for an account's first name, 2 for the one it may choose after a removal. Unique with the
   * account, so "one per account" (and "a new name once") holds under concurrent requests.
   */
  slot: number;
  status: PenNameState['status'];
  /** Moderation actions already answered: a redelivered action changes nothing. */
  appliedActionIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export const PEN_NAME = 'PenName';

export const PenNameSchema = new Schema<PenName>(
  {
    _id: String,
    accountId: { type: String, required: true },
    name: { type: String, required: true },
    nameKey: { type: String, required: true },
    slot: { type: Number, required: true },
    status: { type: String, required: true },
    appliedActionIds: { type: [String], default: () => [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    ...OUTBOX_SCHEMA_FIELDS,
  },
  { versionKey: false, collection: 'pen_names' },
);
// GET /pen-names/:name and the uniqueness of names ignoring case: `{ nameKey }`.
PenNameSchema.index({ nameKey: 1 }, { unique: true });
// One name per account (and one replacement after a removal); also serves `{ accountId, slot }`.
PenNameSchema.index({ accountId: 1, slot: 1 }, { unique: true });
// The account's names: `{ accountId }` when posting a review and on restore.
PenNameSchema.index({ accountId: 1 });
PenNameSchema.index(OUTBOX_SWEEP_INDEX, OUTBOX_SWEEP_INDEX_OPTIONS);
