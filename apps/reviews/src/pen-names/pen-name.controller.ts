import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Principal, Public, ValidBody } from '@app/platform';
import {
  CreatePenNameDto,
  createPenNameSchema,
  PenNameAvailabilityView,
  PenNameView,
} from './dto/pen-name.dto';
import { PenNameService } from './pen-name.service';

@Controller()
export class PenNameController {
  constructor(private readonly penNames: PenNameService) {}

  @Public()
  @Get('pen-names/:name')
  availability(@Param('name') name: string): Promise<PenNameAvailabilityView> {
    return this.penNames.availability(name);
  }

  @Post('pen-names')
  @HttpCode(201)
  create(
    @CurrentPrincipal() principal: Principal,
    @ValidBody(createPenNameSchema) body: CreatePenNameDto,
  ): Promise<PenNameView> {
    return this.penNames.create(principal, body.name);
  }

  @Get('me/pen-names')
  mine(@CurrentPrincipal() principal: Principal): Promise<PenNameView[]> {
    return this.penNames.mine(principal);
  }
}
