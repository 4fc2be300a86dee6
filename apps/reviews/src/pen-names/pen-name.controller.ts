import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { ApiRoute, CurrentPrincipal, Principal, Public, ValidBody } from '@app/platform';
import {
  CreatePenNameDto,
  createPenNameSchema,
  PenNameAvailabilityView,
  penNameAvailabilityViewSchema,
  PenNameView,
  penNameViewSchema,
} from './dto/pen-name.dto';
import { PenNameService } from './pen-name.service';

@Controller()
export class PenNameController {
  constructor(private readonly penNames: PenNameService) {}

  @Public()
  @Get('pen-names/:name')
  @ApiRoute({
    summary: 'Whether a pen name is free and allowed.',
    responses: {
      200: { description: 'Its availability and problems.', schema: penNameAvailabilityViewSchema },
    },
  })
  availability(@Param('name') name: string): Promise<PenNameAvailabilityView> {
    return this.penNames.availability(name);
  }

  @Post('pen-names')
  @HttpCode(201)
  @ApiRoute({
    summary: "Choose the caller's pen name (once; it cannot be changed).",
    responses: { 201: { description: 'The pen name.', schema: penNameViewSchema } },
    errors: {
      403: ['AGE_VERIFICATION_REQUIRED'],
      409: ['PEN_NAME_TAKEN', 'PEN_NAME_ALREADY_CHOSEN'],
      422: ['PEN_NAME_INVALID'],
    },
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @ValidBody(createPenNameSchema) body: CreatePenNameDto,
  ): Promise<PenNameView> {
    return this.penNames.create(principal, body.name);
  }

  @Get('me/pen-names')
  @ApiRoute({
    summary: "The caller's pen names.",
    responses: { 200: { description: 'The pen names.', schema: z.array(penNameViewSchema) } },
  })
  mine(@CurrentPrincipal() principal: Principal): Promise<PenNameView[]> {
    return this.penNames.mine(principal);
  }
}
