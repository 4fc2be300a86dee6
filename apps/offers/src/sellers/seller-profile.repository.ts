import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { SELLER_PROFILE, SellerProfile } from './seller-profile.schema';

@Injectable()
export class SellerProfileRepository {
  constructor(@InjectModel(SELLER_PROFILE) private readonly profiles: Model<SellerProfile>) {}

  findOwn(sellerId: string): Promise<SellerProfile | null> {
    return this.profiles.findById(sellerId).lean<SellerProfile>().exec();
  }

  findByIds(sellerIds: readonly string[]): Promise<SellerProfile[]> {
    if (sellerIds.length === 0) return Promise.resolve([]);
    return this.profiles
      .find({ _id: { $in: sellerIds } })
      .lean<SellerProfile[]>()
      .exec();
  }

  async save(sellerId: string, displayName: string): Promise<SellerProfile> {
    const now = new Date();
    const saved = await this.profiles
      .findOneAndUpdate(
        { _id: sellerId },
        { $set: { displayName, updatedAt: now }, $setOnInsert: { createdAt: now } },
        { upsert: true, new: true },
      )
      .lean<SellerProfile>()
      .exec();
    return saved;
  }
}
