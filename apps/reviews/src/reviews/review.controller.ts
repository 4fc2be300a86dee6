import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiRoute, CurrentPrincipal, Page, Principal, Public, ValidBody, ValidQuery } from '@app/platform';
import { ContentDecision } from '../content-rules/content-rule';
import {
  CheckReviewDto,
  checkReviewSchema,
  CreateReviewDto,
  createReviewSchema,
  ListReviewsQuery,
  listReviewsQuerySchema,
  MyReviewsQuery,
  myReviewsQuerySchema,
  OwnReviewView,
  PublicReviewView,
  UpdateReviewDto,
  updateReviewSchema,
} from './dto/review.dto';
import {
  contentDecisionSchema,
  helpfulVoteViewSchema,
  ownReviewsPageSchema,
  ownReviewViewSchema,
  publicReviewsPageSchema,
} from './dto/review-views';
import { HelpfulVoteService } from './helpful-vote.service';
import { ReviewReadingService } from './review-reading.service';
import { ReviewWritingService } from './review-writing.service';

const AGE = { 403: ['AGE_VERIFICATION_REQUIRED'] };
const ownReview = (description: string) => ({ description, schema: ownReviewViewSchema });

@Controller()
export class ReviewController {
  constructor(
    private readonly writing: ReviewWritingService,
    private readonly reading: ReviewReadingService,
    private readonly helpful: HelpfulVoteService,
  ) {}

  @Public()
  @Get('products/:productId/reviews')
  @ApiRoute({
    summary: "A product's published reviews.",
    responses: { 200: { description: 'A page of reviews.', schema: publicReviewsPageSchema } },
    errors: { 404: ['PRODUCT_NOT_FOUND'], 409: ['REFERENCE_NOT_YET_KNOWN'] },
  })
  list(
    @Param('productId') productId: string,
    @ValidQuery(listReviewsQuerySchema) query: ListReviewsQuery,
  ): Promise<Page<PublicReviewView>> {
    return this.reading.listForProduct(productId, query);
  }

  @Get('me/reviews')
  @ApiRoute({
    summary: "The caller's own reviews, in every state.",
    responses: { 200: { description: 'A page of reviews.', schema: ownReviewsPageSchema } },
  })
  mine(
    @CurrentPrincipal() principal: Principal,
    @ValidQuery(myReviewsQuerySchema) query: MyReviewsQuery,
  ): Promise<Page<OwnReviewView>> {
    return this.reading.listMine(principal, query);
  }

  @Post('reviews/check')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Check a text against the content rules before posting it.',
    responses: { 200: { description: "The rules' verdict.", schema: contentDecisionSchema } },
    errors: { 429: ['RATE_LIMITED'] },
  })
  check(
    @CurrentPrincipal() principal: Principal,
    @ValidBody(checkReviewSchema) body: CheckReviewDto,
  ): Promise<ContentDecision> {
    return this.writing.check(principal, body);
  }

  @Post('reviews')
  @HttpCode(201)
  @ApiRoute({
    summary: 'Post a review (published, or pending when a soft rule asks for a moderator).',
    responses: { 201: ownReview('The review.') },
    errors: {
      ...AGE,
      404: ['PRODUCT_NOT_FOUND', 'RECOMMENDED_PRODUCT_NOT_FOUND'],
      409: ['REVIEW_ALREADY_EXISTS', 'REFERENCE_NOT_YET_KNOWN'],
      422: [
        'CONTENT_RULES_VIOLATED',
        'PEN_NAME_REQUIRED',
        'TERMS_NOT_ACCEPTED',
        'RECOMMENDED_PRODUCT_NOT_AVAILABLE',
      ],
      429: ['RATE_LIMITED'],
    },
  })
  submit(
    @CurrentPrincipal() principal: Principal,
    @ValidBody(createReviewSchema) body: CreateReviewDto,
  ): Promise<OwnReviewView> {
    return this.writing.submit(principal, body);
  }

  @Patch('reviews/:reviewId')
  @ApiRoute({
    summary: "Edit one of the caller's reviews (checked against the rules again).",
    responses: { 200: ownReview('The edited review.') },
    errors: {
      ...AGE,
      404: ['REVIEW_NOT_FOUND', 'RECOMMENDED_PRODUCT_NOT_FOUND'],
      409: ['REVIEW_UNDER_MODERATION', 'REFERENCE_NOT_YET_KNOWN'],
      422: ['CONTENT_RULES_VIOLATED', 'RECOMMENDED_PRODUCT_NOT_AVAILABLE'],
      429: ['RATE_LIMITED'],
    },
  })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('reviewId') reviewId: string,
    @ValidBody(updateReviewSchema) body: UpdateReviewDto,
  ): Promise<OwnReviewView> {
    return this.writing.update(principal, reviewId, body);
  }

  @Delete('reviews/:reviewId')
  @HttpCode(204)
  @ApiRoute({
    summary: "Withdraw one of the caller's reviews.",
    responses: { 204: { description: 'Withdrawn.' } },
    errors: { 404: ['REVIEW_NOT_FOUND'] },
  })
  withdraw(@CurrentPrincipal() principal: Principal, @Param('reviewId') reviewId: string): Promise<void> {
    return this.writing.withdraw(principal, reviewId);
  }

  @Post('reviews/:reviewId/helpful')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Mark a published review as helpful (once per account).',
    responses: { 200: { description: "The review's helpful votes.", schema: helpfulVoteViewSchema } },
    errors: {
      ...AGE,
      404: ['REVIEW_NOT_FOUND'],
      409: ['ALREADY_VOTED'],
      422: ['OWN_REVIEW_VOTE'],
      429: ['RATE_LIMITED'],
    },
  })
  vote(
    @CurrentPrincipal() principal: Principal,
    @Param('reviewId') reviewId: string,
  ): Promise<{ reviewId: string; helpfulVotes: number }> {
    return this.helpful.vote(principal, reviewId);
  }
}
