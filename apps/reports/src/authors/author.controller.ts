import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Page, Principal, ValidBody, ValidQuery } from '@app/platform';
import { AuthorService } from './author.service';
import {
  AppealDto,
  appealSchema,
  AuthorDecisionView,
  MyModerationQuery,
  myModerationQuerySchema,
} from './dto/author.dto';

/** Authors read the decisions about their content and may appeal a removal once. */
@Controller('me/moderation')
export class AuthorController {
  constructor(private readonly authors: AuthorService) {}

  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @ValidQuery(myModerationQuerySchema) query: MyModerationQuery,
  ): Promise<Page<AuthorDecisionView>> {
    return this.authors.decisions(principal, query);
  }

  @Post(':caseId/appeal')
  @HttpCode(200)
  appeal(
    @CurrentPrincipal() principal: Principal,
    @Param('caseId') caseId: string,
    @ValidBody(appealSchema) body: AppealDto,
  ): Promise<AuthorDecisionView> {
    return this.authors.appeal(principal, caseId, body);
  }
}
