'use server';

import { redirect } from 'next/navigation';
import { createPenName, postReview, type RuleViolation } from '../../../../../lib/api/reviewing';
import type { Sent } from '../../../../../lib/api/sent';
import {
  type ReviewFormState,
  type ReviewValues,
  type SimpleFormState,
  textField,
} from '../../../../../lib/community/form-state';
import { REVIEW_TERMS_VERSION, UNDER_13_EXPLANATION } from '../../../../../lib/community/review-terms';
import { accessToken, currentViewer, signInPath } from '../../../../../lib/session';
import { safeReturnTo } from '../../../../../lib/session/return-to';
import { pathWithQuery } from '../../../../../lib/urls';

/**
 * The write-a-review page's Server Actions (Next checks their Origin against the Host, and the
 * session cookie is SameSite=Lax): they work from a plain form post too, without JavaScript.
 */

const REFUSALS: Record<string, string> = {
  AGE_VERIFICATION_REQUIRED: UNDER_13_EXPLANATION,
  CONTENT_RULES_VIOLATED:
    'Your review breaks the rules shown below. Change the highlighted text, then post it.',
  PEN_NAME_REQUIRED: 'Create a pen name first, or choose to post anonymously.',
  TERMS_NOT_ACCEPTED: 'The review licence terms have changed. Read them again and accept them to post.',
  REVIEW_ALREADY_EXISTS: 'You have already reviewed this book: you will find it under Your reviews.',
  REFERENCE_NOT_YET_KNOWN: 'This book was added only moments ago. Try again in a few seconds.',
  PRODUCT_NOT_FOUND: 'This book is not available for reviews right now.',
  RATE_LIMITED: 'You have posted several reviews in a short time. Please try again later.',
  PEN_NAME_TAKEN: 'That pen name is already taken. Choose another.',
  PEN_NAME_ALREADY_CHOSEN: 'Your account already has a pen name; pen names cannot be changed.',
  SERVICE_UNAVAILABLE: 'Reviews cannot be saved right now. What you typed is kept: try again in a moment.',
};

function explain(refusal: Extract<Sent<unknown>, { ok: false }>): { code: string; error: string } {
  return { code: refusal.code, error: REFUSALS[refusal.code] ?? refusal.message };
}

async function signedIn(back: string): Promise<{ token: string; ageVerified: boolean }> {
  const [viewer, token] = await Promise.all([currentViewer(), accessToken()]);
  if (!viewer || !token) redirect(signInPath(back));
  return { token, ageVerified: viewer.ageVerified };
}

function reviewValues(form: FormData): ReviewValues {
  return {
    rating: textField(form, 'rating'),
    title: textField(form, 'title').slice(0, 200),
    body: textField(form, 'body').slice(0, 6000),
    anonymous: form.get('anonymous') === 'on',
    terms: form.get('terms') === 'on',
  };
}

export async function submitReviewAction(
  _previous: ReviewFormState,
  form: FormData,
): Promise<ReviewFormState> {
  const values = reviewValues(form);
  const bookPath = safeReturnTo(textField(form, 'bookPath'));
  const { token, ageVerified } = await signedIn(`${bookPath}/review`);
  if (!ageVerified) return { values, code: 'AGE_VERIFICATION_REQUIRED', error: UNDER_13_EXPLANATION };
  const rating = Number(values.rating);
  if (!Number.isInteger(rating) || rating < 1 || rating > 5)
    return { values, error: 'Choose a rating from 1 to 5 stars.' };
  if (!values.terms) return { values, error: 'Accept the review licence terms to post your review.' };
  const title = values.title.trim();
  const posted = await postReview(token, {
    productId: textField(form, 'productId'),
    rating,
    ...(title ? { title } : {}),
    body: values.body,
    anonymous: values.anonymous,
    acceptedTermsVersion: REVIEW_TERMS_VERSION,
  });
  if (posted.ok) redirect(pathWithQuery('/me/reviews', { posted: posted.data.status }));
  const details = posted.details as { violations?: RuleViolation[] } | undefined;
  return { values, ...explain(posted), violations: details?.violations };
}

export async function createPenNameAction(
  _previous: SimpleFormState,
  form: FormData,
): Promise<SimpleFormState> {
  const value = textField(form, 'penName').trim().slice(0, 64);
  const back = safeReturnTo(textField(form, 'back'));
  const { token, ageVerified } = await signedIn(back);
  if (!ageVerified) return { value, code: 'AGE_VERIFICATION_REQUIRED', error: UNDER_13_EXPLANATION };
  const created = await createPenName(token, value);
  if (created.ok) redirect(pathWithQuery(back, { penName: 'created' }, '#review-form'));
  const problems = created.code === 'PEN_NAME_INVALID' ? (created.details as { message: string }[]) : [];
  return {
    value,
    ...explain(created),
    ...(problems.length > 0 ? { error: problems.map((p) => p.message).join(' ') } : {}),
  };
}
