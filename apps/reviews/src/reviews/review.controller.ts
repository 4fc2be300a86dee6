import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CurrentPrincipal, Page, Principal, Public, ValidBody, ValidQuery } from '@app/platform';
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
import { HelpfulVoteService } from './helpful-vote.service';
import { ReviewReadingService } from './review-reading.service';
import { ReviewWritingService } from './review-writing.service';

@Controller()
export class ReviewController {
  constructor(
    private readonly writing: ReviewWritingService,
    private readonly reading: ReviewReadingService,
    private readonly helpful: HelpfulVoteService,
  ) {}

  @Public()
  @Get('products/:productId/reviews')
  list(
    @Param('productId') productId: string,
    @ValidQuery(listReviewsQuerySchema) query: ListReviewsQuery,
  ): Promise<Page<PublicReviewView>> {
    return this.reading.listForProduct(productId, query);
  }

  @Get('me/reviews')
  mine(
    @CurrentPrincipal() principal: Principal,
    @ValidQuery(myReviewsQuerySchema) query: MyReviewsQuery,
  ): Promise<Page<OwnReviewView>> {
    return this.reading.listMine(principal, query);
  }

  @Post('reviews/check')
  @HttpCode(200)
  check(
    @CurrentPrincipal() principal: Principal,
    @ValidBody(checkReviewSchema) body: CheckReviewDto,
  ): Promise<ContentDecision> {
    return this.writing.check(principal, body);
  }

  @Post('reviews')
  @HttpCode(201)
  submit(
    @CurrentPrincipal() principal: Principal,
    @ValidBody(createReviewSchema) body: CreateReviewDto,
  ): Promise<OwnReviewView> {
    return this.writing.submit(principal, body);
  }

  @Patch('reviews/:reviewId')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('reviewId') reviewId: string,
    @ValidBody(updateReviewSchema) body: UpdateReviewDto,
  ): Promise<OwnReviewView> {
    return this.writing.update(principal, reviewId, body);
  }

  @Delete('reviews/:reviewId')
  @HttpCode(204)
  withdraw(@CurrentPrincipal() principal: Principal, @Param('reviewId') reviewId: string): Promise<void> {
    return this.writing.withdraw(principal, reviewId);
  }

  @Post('reviews/:reviewId/helpful')
  @HttpCode(200)
  vote(
    @CurrentPrincipal() principal: Principal,
    @Param('reviewId') reviewId: string,
  ): Promise<{ reviewId: string; helpfulVotes: number }> {
    return this.helpful.vote(principal, reviewId);
  }
}
