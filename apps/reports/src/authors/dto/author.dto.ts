import { z } from 'zod';
import type { ModerationCase } from '../../cases/case.schema';
import type { AuthorDecisionView } from '../../cases/dto/case-views';

export const appealSchema = z.strictObject({
  message: z.string().trim().min(1).max(2000),
});
export type AppealDto = z.output<typeof appealSchema>;

export const myModerationQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(512).optional(),
});
export type MyModerationQuery = z.output<typeof myModerationQuerySchema>;

export type { AuthorDecisionView } from '../../cases/dto/case-views';

export function toAuthorView(c: ModerationCase): AuthorDecisionView {
  const last = c.decisions.at(-1);
  return {
    caseId: c._id,
    target: { type: c.target.type, id: c.target.id },
    state: c.state,
    decisions: c.decisions.map((d) => ({
      decision: d.decision,
      reasonCode: d.reasonCode,
      statement: d.statement,
      decidedAt: new Date(d.decidedAt).toISOString(),
      onAppeal: d.onAppeal,
    })),
    appeal: c.appeal
      ? { message: c.appeal.message, appealedAt: new Date(c.appeal.appealedAt).toISOString() }
      : null,
    canAppeal: c.state === 'decided' && !c.appeal && last?.decision === 'remove',
  };
}
