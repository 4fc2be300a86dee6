'use client';

import { useEffect, useRef, useState } from 'react';
import type { TargetType } from '../../lib/api/reporting';
import { isTargetType, TARGET_LABELS } from '../../lib/community/wording';
import { ReportForm } from './report-form';

type Target = { type: TargetType; id: string; returnTo: string };

/** The target a `/report?type=&id=&returnTo=` link names, or undefined for any other link. */
function targetOf(link: HTMLAnchorElement): Target | undefined {
  const url = new URL(link.href);
  if (url.origin !== window.location.origin || url.pathname !== '/report') return undefined;
  const type = url.searchParams.get('type');
  const id = url.searchParams.get('id');
  return isTargetType(type) && id
    ? { type, id, returnTo: url.searchParams.get('returnTo') ?? '/' }
    : undefined;
}

/**
 * Progressive enhancement of the page's "Report" links for a signed-in shopper: the report form
 * opens in a modal dialog over the page (focus moves into it, Escape closes it and focus returns
 * to the link). Without JavaScript the links lead to the report page, which does the same.
 */
export function ReportDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [target, setTarget] = useState<Target | undefined>(undefined);
  useEffect(() => {
    const open = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      const found = link instanceof HTMLAnchorElement ? targetOf(link) : undefined;
      if (!found) return;
      event.preventDefault();
      setTarget(found);
    };
    document.addEventListener('click', open);
    return () => document.removeEventListener('click', open);
  }, []);
  // Opened once the form is rendered, so that the dialog focuses its first field.
  useEffect(() => {
    if (target && !dialog.current?.open) dialog.current?.showModal();
  }, [target]);
  return (
    <dialog
      ref={dialog}
      className="report-dialog"
      aria-labelledby="report-dialog-heading"
      onClose={() => setTarget(undefined)}
    >
      {target ? (
        <>
          <h2 id="report-dialog-heading">Report {TARGET_LABELS[target.type]}</h2>
          <ReportForm key={`${target.type}:${target.id}`} {...target} inDialog />
        </>
      ) : null}
      <form method="dialog">
        <button type="submit" className="button report-dialog__close">
          Close
        </button>
      </form>
    </dialog>
  );
}
