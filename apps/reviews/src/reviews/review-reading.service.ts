import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { decodeCursor, encodeCursor, Page, Principal } from '@app/platform';
import { ANONYMOUS, PenNameService } from '../pen-names/pen-name.service';
import { ProductService } from '../products/product.service';
import {
  ListReviewsQuery,
  MyReviewsQuery,
  OwnReviewView,
  PublicReviewView,
  toOwnView,
  toPublicView,
} from './dto/review.dto';
import { listingPlan, nextCursor } from './review-listing';
import { ReviewRepository } from './review.repository';
import { Review } from './review.schema';

const myCursorSchema = z.strictObject({ id: z.string().max(64) });

@Injectable()
export class ReviewReadingService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly products: ProductService,
    private readonly penNames: PenNameService,
  ) {}

  /** Shoppers' listing: published reviews of a visible product, each under a pen name or "Anonymous". */
  async listForProduct(productId: string, query: ListReviewsQuery): Promise<Page<PublicReviewView>> {
    await this.products.requireVisible(productId);
    const plan = listingPlan(query.sort, query.cursor);
    const rows = await this.reviews.listPublished({
      productId,
      stars: query.stars,
      plan,
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const names = await this.namesOf(page);
    return {
      items: page.map((review) =>
        toPublicView(
          review,
          this.nameOf(review, names),
          review.penNameId && names.has(review.penNameId) ? review.penNameId : undefined,
        ),
      ),
      ...(rows.length > query.limit ? { nextCursor: nextCursor(query.sort, page[page.length - 1]) } : {}),
    };
  }

  /** The author's own reviews in every state, with the reason when one was taken down. */
  async listMine(principal: Principal, query: MyReviewsQuery): Promise<Page<OwnReviewView>> {
    const position = decodeCursor(query.cursor, myCursorSchema);
    const rows = await this.reviews.listByAccount({
      accountId: principal.accountId,
      beforeId: position?.id,
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const names = await this.namesOf(page);
    return {
      items: page.map((review) => toOwnView(review, this.nameOf(review, names))),
      ...(rows.length > query.limit ? { nextCursor: encodeCursor({ id: page[page.length - 1]._id }) } : {}),
    };
  }

  private namesOf(reviews: Review[]): Promise<Map<string, string>> {
    return this.penNames.displayNames(reviews.flatMap((r) => (r.penNameId ? [r.penNameId] : [])));
  }

  private nameOf(review: Review, names: Map<string, string>): string {
    return (review.penNameId && names.get(review.penNameId)) || ANONYMOUS;
  }
}
