import { Controller, Get, Put } from '@nestjs/common';
import { CurrentPrincipal, Principal, Roles, sellerScope, ValidBody } from '@app/platform';
import { profileView, saveProfileBody, SaveProfileBody } from './dto/seller-profile.dto';
import { SellerProfileService } from './seller-profile.service';

@Roles('seller')
@Controller('sellers/me/profile')
export class SellerProfileController {
  constructor(private readonly profiles: SellerProfileService) {}

  @Get()
  async get(@CurrentPrincipal() principal: Principal) {
    return profileView(await this.profiles.get(sellerScope(principal).sellerId));
  }

  @Put()
  async save(@CurrentPrincipal() principal: Principal, @ValidBody(saveProfileBody) body: SaveProfileBody) {
    return profileView(await this.profiles.save(sellerScope(principal).sellerId, body.displayName));
  }
}
