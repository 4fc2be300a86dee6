import type { Metadata } from 'next';
import Link from 'next/link';
import { Unavailable } from '../../../components/unavailable';
import { myReports } from '../../../lib/api/reports';
import { REPORT_STATES, reasonLabel, TARGET_LABELS } from '../../../lib/community/wording';
import { formatDate } from '../../../lib/format';
import { accessToken, requireViewer } from '../../../lib/session';
import { safeReturnTo } from '../../../lib/session/return-to';
import { type SearchParams, single } from '../../../lib/urls';
import '../../community.css';

export const metadata: Metadata = { title: 'Your reports', robots: { index: false } };

const SENT: Record<string, string> = {
  new: 'Thank you: your report was sent to the moderators.',
  again: 'You had already reported this; your open report is below.',
};

/** The reporter's own reports, their states and outcomes. */
export default async function MyReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireViewer('/me/reports');
  const params = await searchParams;
  const sent = single(params.reported);
  const returnTo = single(params.returnTo);
  const reports = await myReports((await accessToken()) ?? '');
  return (
    <section className="community-page" aria-labelledby="my-reports-heading">
      <h1 id="my-reports-heading">Your reports</h1>
      {sent && SENT[sent] ? (
        <p className="notice" role="status">
          {SENT[sent]} {returnTo ? <Link href={safeReturnTo(returnTo)}>Back to where you were</Link> : null}
        </p>
      ) : null}
      {!reports.ok ? (
        <Unavailable what="Your reports" />
      ) : reports.data.items.length === 0 ? (
        <p>You have not reported anything.</p>
      ) : (
        <ul className="own-list">
          {reports.data.items.map((report) => (
            <li key={report.reportId} className="own-item">
              <p className={`state state--${report.status}`}>
                <strong>{REPORT_STATES[report.status] ?? report.status}</strong>
              </p>
              <p>
                You reported {TARGET_LABELS[report.target.type]}
                {report.target.type === 'product' ? (
                  <>
                    {' '}
                    (<Link href={`/products/${report.target.id}`}>open the book</Link>)
                  </>
                ) : null}{' '}
                as <strong>{reasonLabel(report.reasonCode)}</strong> on {formatDate(report.createdAt)}.
              </p>
              {report.comment ? <p className="quote">Your comment: “{report.comment}”</p> : null}
              {report.outcome ? (
                <p>
                  Outcome: {report.outcome.decision}, {formatDate(report.outcome.decidedAt)}.
                </p>
              ) : null}
              <p className="field-help">Reference {report.target.id}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
