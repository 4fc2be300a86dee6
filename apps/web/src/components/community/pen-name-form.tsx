'use client';

import { useActionState, useState } from 'react';
import { createPenNameAction } from '../../app/books/[isbn13]/[slug]/review/actions';
import type { PenNameAvailability } from '../../lib/api/reviewing';
import type { SimpleFormState } from '../../lib/community/form-state';
import { PEN_NAME_FORMAT } from '../../lib/community/review-terms';
import { useDebouncedAnswer } from './use-debounced';

async function availability(name: string, signal: AbortSignal): Promise<PenNameAvailability | undefined> {
  const response = await fetch(`/api/pen-names/${encodeURIComponent(name)}`, { signal });
  return response.ok ? ((await response.json()) as PenNameAvailability) : undefined;
}

/** "Create a Pen Name": the format rule in words, availability as you type, created by a Server Action. */
export function PenNameForm({ back }: { back: string }) {
  const [state, formAction, pending] = useActionState<SimpleFormState, FormData>(createPenNameAction, {
    value: '',
  });
  const [name, setName] = useState(state.value);
  const answer = useDebouncedAnswer(name.trim() ? name.trim() : undefined, availability, 300);
  const current = answer && answer.name === name.trim() ? answer : undefined;
  return (
    <form action={formAction} className="pen-name-form" aria-labelledby="pen-name-heading">
      <h2 id="pen-name-heading">Create a pen name</h2>
      <p id="pen-name-rule" className="field-help">
        {PEN_NAME_FORMAT}
      </p>
      <input type="hidden" name="back" value={back} />
      {state.error ? (
        <p className="form-error" role="alert" data-code={state.code}>
          {state.error}
        </p>
      ) : null}
      <label htmlFor="pen-name">Pen name</label>
      <div className="inline-field">
        <input
          id="pen-name"
          name="penName"
          required
          maxLength={64}
          autoComplete="nickname"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-describedby="pen-name-rule pen-name-status"
        />
        <button type="submit" className="button" disabled={pending || current?.available === false}>
          Create pen name
        </button>
      </div>
      <p id="pen-name-status" className="availability" aria-live="polite">
        {!current ? null : current.available ? (
          <span className="availability__ok">“{current.name}” is available.</span>
        ) : (
          <span className="availability__bad">{current.problems.map((p) => p.message).join(' ')}</span>
        )}
      </p>
    </form>
  );
}
