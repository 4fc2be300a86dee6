import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { ApiRoute, CurrentPrincipal, Page, Principal, ValidBody, ValidQuery } from '@app/platform';
import { AuthorService } from './author.service';
import {
  AppealDto,
  appealSchema,
  AuthorDecisionView,
  MyModerationQuery,
  myModerationQuerySchema,
} from './dto/author.dto';
import { authorDecisionViewSchema } from '../cases/dto/case-views';

/** Authors read the decisions about their content and may appeal a removal once. */
@Controller('me/moderation')
export class AuthorController {
  constructor(private readonly authors: AuthorService) {}

  @Get()
  @ApiRoute({
    summary: "Moderation decisions about the caller's own content.",
    responses: {
      200: {
        description: 'A page of decisions.',
        schema: z.object({ items: z.array(authorDecisionViewSchema), nextCursor: z.string().optional() }),
      },
    },
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @ValidQuery(myModerationQuerySchema) query: MyModerationQuery,
  ): Promise<Page<AuthorDecisionView>> {
    return this.authors.decisions(principal, query);
  }

  @Post(':caseId/appeal')
  @HttpCode(200)
  @ApiRoute({
    summary: "Appeal a removal of the caller's content (once).",
    responses: { 200: { description: 'The appealed decision.', schema: authorDecisionViewSchema } },
    errors: { 404: ['CASE_NOT_FOUND'], 409: ['APPEAL_NOT_ALLOWED'] },
  })
  appeal(
    @CurrentPrincipal() principal: Principal,
    @Param('caseId') caseId: string,
    @ValidBody(appealSchema) body: AppealDto,
  ): Promise<AuthorDecisionView> {
    return this.authors.appeal(principal, caseId, body);
  }
}
