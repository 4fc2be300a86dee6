import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { decodeCursor, encodeCursor, Page, Principal } from '@app/platform';
import { CaseAppealService } from '../cases/case-appeal.service';
import { CaseRepository } from '../cases/case.repository';
import { accountAuthor, sellerAuthor } from '../targets/target.schema';
import { AppealDto, AuthorDecisionView, MyModerationQuery, toAuthorView } from './dto/author.dto';

const cursorSchema = z.strictObject({ id: z.string().max(64) });

/** Whose content the caller may speak for: their account, and their seller id for offers. */
export function authorKeysOf(principal: Principal): string[] {
  return [
    accountAuthor(principal.accountId),
    ...(principal.sellerId ? [sellerAuthor(principal.sellerId)] : []),
  ];
}

@Injectable()
export class AuthorService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly appeals: CaseAppealService,
  ) {}

  async decisions(principal: Principal, query: MyModerationQuery): Promise<Page<AuthorDecisionView>> {
    const position = decodeCursor(query.cursor, cursorSchema);
    // One index-served query per identity (account, seller), merged newest first.
    const rows = (
      await Promise.all(
        authorKeysOf(principal).map((authorKey) =>
          this.cases.listDecidedForAuthor({ authorKey, beforeId: position?.id, limit: query.limit }),
        ),
      )
    )
      .flat()
      .sort((a, b) => (a._id < b._id ? 1 : -1));
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toAuthorView),
      ...(rows.length > query.limit ? { nextCursor: encodeCursor({ id: page.at(-1)!._id }) } : {}),
    };
  }

  async appeal(principal: Principal, caseId: string, dto: AppealDto): Promise<AuthorDecisionView> {
    const appealed = await this.appeals.appeal({
      authorKeys: authorKeysOf(principal),
      accountId: principal.accountId,
      caseId,
      message: dto.message,
    });
    return toAuthorView(appealed);
  }
}
