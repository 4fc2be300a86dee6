import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DomainError } from '../../errors/domain-error';
import { RATE_LIMIT_WINDOW, RateLimitWindow } from './rate-limit.schema';

export interface RateLimit {
  /** Stable name of the limited action, e.g. `review.post`. */
  readonly action: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

/**
 * Fixed-window counters kept in the service's own database, not in memory, so every replica counts
 * against the same budget (docs/architecture.md, "Scale"). One `$inc` upsert per attempt: atomic on one
 * document, no read-modify-write race. A service imports `RateLimitModule` to inject it.
 */
@Injectable()
export class RateLimiter {
  constructor(@InjectModel(RATE_LIMIT_WINDOW) private readonly windows: Model<RateLimitWindow>) {}

  /** Counts one attempt of `subject`; throws 429 RATE_LIMITED with Retry-After past the limit. */
  async consume(rule: RateLimit, subject: string, now = Date.now()): Promise<void> {
    const windowMs = rule.windowSeconds * 1000;
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const window = await this.windows
      .findOneAndUpdate(
        { _id: `${rule.action}:${subject}:${windowStart}` },
        { $inc: { count: 1 }, $setOnInsert: { windowEndsAt: new Date(windowStart + windowMs) } },
        { upsert: true, new: true },
      )
      .lean();
    if (window && window.count > rule.limit) {
      throw new DomainError(
        'rate_limited',
        'RATE_LIMITED',
        `Too many attempts (${rule.action}); try again later.`,
        {
          retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)),
          details: { action: rule.action, limit: rule.limit, windowSeconds: rule.windowSeconds },
        },
      );
    }
  }
}
