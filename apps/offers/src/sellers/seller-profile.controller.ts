import { Controller, Get, Put } from '@nestjs/common';
import { ApiRoute, CurrentPrincipal, Principal, Roles, sellerScope, ValidBody } from '@app/platform';
import { profileView, profileViewSchema, saveProfileBody, SaveProfileBody } from './dto/seller-profile.dto';
import { SellerProfileService } from './seller-profile.service';

@Roles('seller')
@Controller('sellers/me/profile')
export class SellerProfileController {
  constructor(private readonly profiles: SellerProfileService) {}

  @Get()
  @ApiRoute({
    summary: "The seller's profile (the display name shoppers see).",
    responses: { 200: { description: 'The profile.', schema: profileViewSchema } },
    errors: { 404: ['SELLER_PROFILE_NOT_FOUND'] },
  })
  async get(@CurrentPrincipal() principal: Principal) {
    return profileView(await this.profiles.get(sellerScope(principal).sellerId));
  }

  @Put()
  @ApiRoute({
    summary: 'Create or change the seller profile.',
    responses: { 200: { description: 'The saved profile.', schema: profileViewSchema } },
    errors: { 422: ['DISPLAY_NAME_INVALID'] },
  })
  async save(@CurrentPrincipal() principal: Principal, @ValidBody(saveProfileBody) body: SaveProfileBody) {
    return profileView(await this.profiles.save(sellerScope(principal).sellerId, body.displayName));
  }
}
