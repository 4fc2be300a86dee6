import { Schema } from 'mongoose';

/** One fixed window of one limited action: `_id` = `<action>:<subject>:<window start>`. */
export interface RateLimitWindow {
  _id: string;
  count: number;
  windowEndsAt: Date;
}

export const RATE_LIMIT_WINDOW = 'RateLimitWindow';

// No TTL index: TTL indexes are outside the portable store subset (docs/architecture.md); a window
// document is a few bytes and the key set per account is tiny, so expired windows are left for a
// periodic purge.
export const RateLimitWindowSchema = new Schema<RateLimitWindow>(
  { _id: String, count: { type: Number, required: true }, windowEndsAt: { type: Date, required: true } },
  { versionKey: false, collection: 'rate_limit_windows' },
);
