import type { Metadata } from 'next';
import Link from 'next/link';
import { ReportForm } from '../../components/community/report-form';
import { isTargetType, reportPath, TARGET_LABELS } from '../../lib/community/wording';
import { requireViewer } from '../../lib/session';
import { safeReturnTo } from '../../lib/session/return-to';
import { type SearchParams, single } from '../../lib/urls';
import '../community.css';

export const metadata: Metadata = { title: 'Report inappropriate content', robots: { index: false } };

/**
 * `/report?type=&id=&returnTo=`: report a book, an offer, a review or a pen name to the
 * moderators. A page of its own, so it works without JavaScript and with the keyboard alone.
 */
export default async function ReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const type = single(params.type);
  const id = single(params.id)?.slice(0, 64);
  const returnTo = safeReturnTo(single(params.returnTo));
  if (!isTargetType(type) || !id) {
    return (
      <section className="community-page">
        <h1>Nothing to report</h1>
        <p>This link does not name anything to report.</p>
        <p>
          <Link href={returnTo}>Go back</Link>
        </p>
      </section>
    );
  }
  await requireViewer(reportPath(type, id, returnTo));
  return (
    <section className="community-page" aria-labelledby="report-heading">
      <p className="breadcrumb">
        <Link href={returnTo}>← Back without reporting</Link>
      </p>
      <h1 id="report-heading">Report {TARGET_LABELS[type]}</h1>
      <p>
        If you find inappropriate content, please report it. A moderator reads every report; content that
        breaks the rules is taken down, and you can follow the outcome under{' '}
        <Link href="/me/reports">Your reports</Link>.
      </p>
      <ReportForm type={type} id={id} returnTo={returnTo} />
    </section>
  );
}
