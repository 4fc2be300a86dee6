import { isDuplicateKey, LOST_RACE, retryOnConflict } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { ReviewStatus } from '@app/contracts';
import { Principal, RateLimiter } from '@app/platform';
import { requireAgeVerified } from '../common/age';
import { REVIEWS_SETTINGS, ReviewsSettings } from '../common/reviews-settings';
import { ContentDecision } from '../content-rules/content-rule';
import { ContentRuleEngine } from '../content-rules/content-rule-engine';
import { ANONYMOUS, PenNameService } from '../pen-names/pen-name.service';
import { ProductService } from '../products/product.service';
import {
  CreateReviewDto,
  OwnReviewView,
  REVIEW_TERMS_VERSION,
  toOwnView,
  UpdateReviewDto,
} from './dto/review.dto';
import {
  ContentRulesViolatedError,
  PenNameRequiredError,
  ReviewAlreadyExistsError,
  ReviewNotEditableError,
  ReviewNotFoundError,
  TermsNotAcceptedError,
} from './review.errors';
import { reviewChanged } from './review.events';
import { ReviewRepository } from './review.repository';
import { Review } from './review.schema';

/** The error once every optimistic write lost to another writer of the same review. */
const tooManyWrites = (reviewId: string) => () => new Error(`review ${reviewId}: too many concurrent writes`);

/** What the author may change in each state; moderation owns held and removed reviews. */
const EDITABLE: readonly ReviewStatus[] = ['pending', 'published', 'rejected'];

@Injectable()
export class ReviewWritingService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly products: ProductService,
    private readonly penNames: PenNameService,
    private readonly limiter: RateLimiter,
    @Inject(ContentRuleEngine) private readonly engine: ContentRuleEngine,
    @Inject(REVIEWS_SETTINGS.token) private readonly settings: ReviewsSettings,
  ) {}

  /** The same engine as posting, without saving: for checking as the reviewer types. */
  async check(principal: Principal, text: { title?: string; body: string }): Promise<ContentDecision> {
    await this.limiter.consume(this.settings.checkLimit, principal.accountId);
    return this.engine.evaluate(text);
  }

  async submit(principal: Principal, dto: CreateReviewDto): Promise<OwnReviewView> {
    requireAgeVerified(principal);
    await this.limiter.consume(this.settings.postLimit, principal.accountId);
    if (dto.acceptedTermsVersion !== REVIEW_TERMS_VERSION)
      throw new TermsNotAcceptedError(REVIEW_TERMS_VERSION);
    await this.products.requireVisible(dto.productId);
    await this.products.requireRecommendable(dto.recommendedProductIds);
    const decision = this.requireAcceptable({ title: dto.title, body: dto.body });
    const oneReviewKey = `${dto.productId}:${principal.accountId}`;
    await this.refuseSecondReview(oneReviewKey);
    const penName = dto.anonymous ? undefined : await this.penNames.currentOf(principal.accountId);
    if (!dto.anonymous && !penName) throw new PenNameRequiredError();
    const now = new Date();
    const review = {
      _id: uuidv7(),
      productId: dto.productId,
      accountId: principal.accountId,
      penNameId: penName?._id ?? null,
      rating: dto.rating,
      ...(dto.title ? { title: dto.title } : {}),
      body: dto.body,
      recommendedProductIds: dto.recommendedProductIds,
      status: statusAfterRules(decision),
      ruleSetVersion: decision.ruleSetVersion,
      softSignals: softSignalsOf(decision),
      helpfulVotes: 0,
      oneReviewKey,
      terms: { version: REVIEW_TERMS_VERSION, acceptedAt: now },
      appliedActionIds: [],
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.reviews.insert(review, [reviewChanged('ReviewSubmitted', { ...review, version: 1 }, [])]);
    } catch (error) {
      if (isDuplicateKey(error)) await this.refuseSecondReview(oneReviewKey);
      throw error;
    }
    return toOwnView({ ...review, version: 1, outbox: [] }, penName?.name ?? ANONYMOUS);
  }

  async update(principal: Principal, reviewId: string, dto: UpdateReviewDto): Promise<OwnReviewView> {
    requireAgeVerified(principal);
    await this.limiter.consume(this.settings.editLimit, principal.accountId);
    if (dto.recommendedProductIds) await this.products.requireRecommendable(dto.recommendedProductIds);
    return retryOnConflict({ exhausted: tooManyWrites(reviewId) }, async () => {
      const current = await this.requireOwn(principal.accountId, reviewId);
      if (!EDITABLE.includes(current.status)) throw new ReviewNotEditableError(current.status);
      const next = { ...current, ...dto, updatedAt: new Date(), version: current.version + 1 };
      const decision = this.requireAcceptable({ title: next.title, body: next.body });
      next.ruleSetVersion = decision.ruleSetVersion;
      next.softSignals = softSignalsOf(decision);
      // A change a moderator must see again goes back to pending; rejected reviews are resubmitted.
      next.status = current.status === 'published' ? statusAfterRules(decision) : 'pending';
      const changedFields = [...Object.keys(dto), ...(next.status !== current.status ? ['status'] : [])];
      const written = await this.reviews.updateOwn(principal.accountId, {
        id: reviewId,
        expectedVersion: current.version,
        set: pick(next, [
          'rating',
          'title',
          'body',
          'recommendedProductIds',
          'status',
          'ruleSetVersion',
          'softSignals',
          'updatedAt',
        ]),
        events: [reviewChanged('ReviewUpdated', next, changedFields)],
      });
      return written ? toOwnView(next, await this.authorName(next)) : LOST_RACE;
    });
  }

  /** The author deletes the review: `withdrawn`, out of every listing, and the slot is free again. */
  async withdraw(principal: Principal, reviewId: string): Promise<void> {
    await retryOnConflict({ exhausted: tooManyWrites(reviewId) }, async () => {
      const current = await this.requireOwn(principal.accountId, reviewId);
      const next = {
        ...current,
        status: 'withdrawn' as const,
        oneReviewKey: `withdrawn:${reviewId}`,
        updatedAt: new Date(),
        version: current.version + 1,
      };
      const written = await this.reviews.updateOwn(principal.accountId, {
        id: reviewId,
        expectedVersion: current.version,
        set: pick(next, ['status', 'oneReviewKey', 'updatedAt']),
        events: [reviewChanged('ReviewWithdrawn', next, ['status'])],
      });
      return written ? true : LOST_RACE;
    });
  }

  private requireAcceptable(text: { title?: string; body: string }): ContentDecision {
    const decision = this.engine.evaluate(text);
    if (decision.verdict === 'rejected') {
      throw new ContentRulesViolatedError(decision.ruleSetVersion, decision.violations);
    }
    return decision;
  }

  private async refuseSecondReview(oneReviewKey: string): Promise<void> {
    const existing = await this.reviews.findByOneReviewKey(oneReviewKey);
    if (existing) throw new ReviewAlreadyExistsError(existing._id);
  }

  /** Withdrawn reviews are gone for their author too: editing or deleting one again is a 404. */
  private async requireOwn(accountId: string, reviewId: string): Promise<Review> {
    const review = await this.reviews.findOwn(accountId, reviewId);
    if (!review || review.status === 'withdrawn') throw new ReviewNotFoundError(reviewId);
    return review;
  }

  private async authorName(review: Review): Promise<string> {
    if (!review.penNameId) return ANONYMOUS;
    return (await this.penNames.displayNames([review.penNameId])).get(review.penNameId) ?? ANONYMOUS;
  }
}

function statusAfterRules(decision: ContentDecision): ReviewStatus {
  return decision.verdict === 'pending' ? 'pending' : 'published';
}

function softSignalsOf(decision: ContentDecision): string[] {
  return decision.violations.filter((v) => v.severity === 'soft').map((v) => v.code);
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(
    keys.filter((key) => value[key] !== undefined).map((key) => [key, value[key]]),
  ) as Pick<T, K>;
}
