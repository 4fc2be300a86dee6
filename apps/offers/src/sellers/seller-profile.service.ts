import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError } from '@app/platform';
import { SellerProfileRepository } from './seller-profile.repository';
import { SellerProfile } from './seller-profile.schema';

/** Shown on offers of a seller who has not named their storefront yet. */
export const UNNAMED_SELLER = 'Marketplace seller';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const MARKUP_OR_CONTROL = /[<>\u0000-\u001f\u007f]/;

@Injectable()
export class SellerProfileService {
  constructor(private readonly profiles: SellerProfileRepository) {}

  async get(sellerId: string): Promise<SellerProfile> {
    const profile = await this.profiles.findOwn(sellerId);
    if (!profile)
      throw new NotFoundError('SELLER_PROFILE_NOT_FOUND', 'You have not set up a seller profile yet.');
    return profile;
  }

  save(sellerId: string, displayName: string): Promise<SellerProfile> {
    const name = displayName.trim().replace(/\s+/g, ' ');
    if (name.length < 2 || MARKUP_OR_CONTROL.test(name)) {
      throw new DomainError(
        'unprocessable',
        'DISPLAY_NAME_INVALID',
        'A display name is 2 to 60 characters of plain text.',
      );
    }
    return this.profiles.save(sellerId, name);
  }

  /** Display names for a page of offers, one read. */
  async displayNames(sellerIds: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(sellerIds)];
    return new Map(
      (await this.profiles.findByIds(unique)).map((profile) => [profile._id, profile.displayName]),
    );
  }
}
