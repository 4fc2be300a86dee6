import type { RuleViolation } from '../api/reviewing';

/** What the review form shows after a submission the service refused (it keeps what was typed). */
export interface ReviewFormState {
  readonly values: ReviewValues;
  readonly code?: string;
  readonly error?: string;
  readonly violations?: readonly RuleViolation[];
}

export interface ReviewValues {
  readonly rating: string;
  readonly title: string;
  readonly body: string;
  readonly anonymous: boolean;
  readonly terms: boolean;
}

export const EMPTY_REVIEW: ReviewValues = { rating: '', title: '', body: '', anonymous: false, terms: false };

/** The pen-name form and the report form: what was typed and why it was refused. */
export interface SimpleFormState {
  readonly value: string;
  readonly comment?: string;
  readonly code?: string;
  readonly error?: string;
}

/** A text field of a posted form ('' when absent or a file). */
export function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
