'use client';

import { useActionState } from 'react';
import { fileReportAction } from '../../app/report/actions';
import type { TargetType } from '../../lib/api/reporting';
import type { SimpleFormState } from '../../lib/community/form-state';
import { REPORT_REASONS } from '../../lib/community/wording';

/** "Why is this inappropriate?": the reasons the reports service accepts, and an optional comment. */
export function ReportForm(props: { type: TargetType; id: string; returnTo: string }) {
  const [state, formAction, pending] = useActionState<SimpleFormState, FormData>(fileReportAction, {
    value: '',
  });
  return (
    <form action={formAction} className="report-form">
      <input type="hidden" name="type" value={props.type} />
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="returnTo" value={props.returnTo} />
      {state.error ? (
        <p className="form-error" role="alert" data-code={state.code}>
          {state.error}
        </p>
      ) : null}
      <fieldset>
        <legend>Why is this content inappropriate? (required)</legend>
        <ul className="reasons">
          {REPORT_REASONS.map((reason) => (
            <li key={reason.code}>
              <label>
                <input
                  type="radio"
                  name="reasonCode"
                  value={reason.code}
                  required
                  defaultChecked={state.value === reason.code}
                />{' '}
                <span className="reasons__label">{reason.label}</span>{' '}
                <span className="reasons__hint">{reason.hint}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <label htmlFor={`report-comment-${props.id}`}>Comments (optional; needed for “Other”)</label>
      <textarea
        id={`report-comment-${props.id}`}
        name="comment"
        rows={4}
        maxLength={500}
        defaultValue={state.comment}
        aria-describedby="report-comment-help"
      />
      <p id="report-comment-help" className="field-help">
        Up to 500 characters. Moderators read it; the person you report never learns who you are.
      </p>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Sending…' : 'Send report'}
      </button>
    </form>
  );
}
