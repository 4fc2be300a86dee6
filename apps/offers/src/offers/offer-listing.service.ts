import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { OfferCondition } from '@app/contracts';
import { decodeCursor, encodeCursor, Page } from '@app/platform';
import { ProductService } from '../products/product.service';
import { SellerProfileService, UNNAMED_SELLER } from '../sellers/seller-profile.service';
import { ListingQuery, listingOfferView, ownOfferView, OwnOffersQuery } from './dto/offer.dto';
import { offerNotFound } from './offer.errors';
import { OfferRepository } from './offer.repository';
import { offerConditionSchema } from '@app/contracts';

const listingCursor = z.strictObject({ price: z.int(), handling: z.int(), id: z.string().max(64) });
const ownCursor = z.strictObject({ id: z.string().max(64) });

function conditionsFor(filter: ListingQuery['condition']): OfferCondition[] | undefined {
  if (!filter) return undefined;
  if (filter === 'new' || filter === 'used' || filter === 'collectible') {
    return offerConditionSchema.options.filter((c) => c === filter || c.startsWith(`${filter}_`));
  }
  return [filter];
}

/** Reads: the shopper listing of a product's offers and a seller's own offers. */
@Injectable()
export class OfferListingService {
  constructor(
    private readonly offers: OfferRepository,
    private readonly products: ProductService,
    private readonly profiles: SellerProfileService,
  ) {}

  async listing(productId: string, query: ListingQuery): Promise<Page<ReturnType<typeof listingOfferView>>> {
    await this.products.requireVisible(productId);
    const rows = await this.offers.listActive({
      productId,
      conditions: conditionsFor(query.condition),
      sort: query.sort,
      after: decodeCursor(query.cursor, listingCursor),
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const names = await this.profiles.displayNames(page.map((offer) => offer.sellerId));
    const last = page[page.length - 1];
    return {
      items: page.map((offer) => listingOfferView(offer, names.get(offer.sellerId) ?? UNNAMED_SELLER)),
      ...(rows.length > query.limit && last
        ? {
            nextCursor: encodeCursor({
              price: last.price.amountMinor,
              handling: last.handlingDays.max,
              id: last._id,
            }),
          }
        : {}),
    };
  }

  async own(sellerId: string, query: OwnOffersQuery): Promise<Page<ReturnType<typeof ownOfferView>>> {
    const after = decodeCursor(query.cursor, ownCursor);
    const rows = await this.offers.listOwn({
      sellerId,
      status: query.status,
      afterId: after?.id,
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(ownOfferView),
      ...(rows.length > query.limit && last ? { nextCursor: encodeCursor({ id: last._id }) } : {}),
    };
  }

  async ownOne(sellerId: string, offerId: string) {
    const offer = await this.offers.findOwn(sellerId, offerId);
    if (!offer) throw offerNotFound(offerId);
    return offer;
  }
}
