import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiRoute } from '../openapi/api-route';
import { CurrentPrincipal } from './auth.decorators';
import { Principal, ROLES } from './claims';

const principalViewSchema = z.object({
  accountId: z.string(),
  roles: z.array(z.enum(ROLES)),
  sellerId: z.string().optional(),
  ageVerified: z.boolean(),
  expiresAt: z.iso.datetime().optional(),
});

/**
 * Shows the caller what this service understood of their token: the quickest way to debug a
 * "why is this a 403" without reading server logs. Served by every service.
 */
@ApiTags('auth')
@Controller('auth')
export class AuthSessionController {
  @Get('session')
  @ApiRoute({
    summary: 'The verified claims of the bearer token, as this service reads them.',
    responses: { 200: { description: 'The caller.', schema: principalViewSchema } },
  })
  session(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
