'use server';

import { redirect } from 'next/navigation';
import { fileReport, type ReasonCode } from '../../lib/api/reporting';
import { type SimpleFormState, textField } from '../../lib/community/form-state';
import { isTargetType, REPORT_REASONS } from '../../lib/community/wording';
import { accessToken, signInPath } from '../../lib/session';
import { safeReturnTo } from '../../lib/session/return-to';
import { pathWithQuery } from '../../lib/urls';

const REFUSALS: Record<string, string> = {
  TARGET_NOT_FOUND: 'This content is no longer on the site, so there is nothing to report.',
  REFERENCE_NOT_YET_KNOWN: 'This content was posted only moments ago. Try again in a few seconds.',
  RATE_LIMITED: 'You have sent many reports in a short time. Please try again later.',
  VALIDATION_FAILED: 'Choose a reason; a comment may be at most 500 characters.',
  SERVICE_UNAVAILABLE: 'Reports cannot be sent right now. What you wrote is kept: try again in a moment.',
};

/** Sends a report (a Server Action: Origin-checked by Next, works as a plain form post). */
export async function fileReportAction(_previous: SimpleFormState, form: FormData): Promise<SimpleFormState> {
  const value = textField(form, 'reasonCode');
  const comment = textField(form, 'comment').slice(0, 600);
  const type = textField(form, 'type');
  const id = textField(form, 'id');
  const returnTo = safeReturnTo(textField(form, 'returnTo'));
  const token = await accessToken();
  if (!token) redirect(signInPath(pathWithQuery('/report', { type, id, returnTo })));
  const reason = REPORT_REASONS.find((r) => r.code === value)?.code;
  if (!reason) return { value, comment, error: 'Choose why this content is inappropriate.' };
  if (reason === 'other' && !comment.trim())
    return { value, comment, error: 'Tell us what is wrong in the comment when you choose "Other".' };
  if (!isTargetType(type) || !id)
    return { value, comment, error: 'This link does not name anything to report.' };
  const sent = await fileReport(token, {
    target: { type, id },
    reasonCode: reason satisfies ReasonCode,
    ...(comment.trim() ? { comment: comment.trim() } : {}),
  });
  if (sent.ok) {
    const outcome = sent.status === 201 ? 'new' : 'again';
    redirect(pathWithQuery('/me/reports', { reported: outcome, returnTo }));
  }
  return { value, comment, code: sent.code, error: REFUSALS[sent.code] ?? sent.message };
}
