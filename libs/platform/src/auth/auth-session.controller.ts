import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from './auth.decorators';
import { Principal } from './claims';

/**
 * Shows the caller what this service understood of their token: the quickest way to debug a
 * "why is this a 403" without reading server logs. Served by every service.
 */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class AuthSessionController {
  @Get('session')
  @ApiOperation({ summary: 'The verified claims of the bearer token, as this service reads them.' })
  session(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
