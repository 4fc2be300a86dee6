import { penNameAvailability } from '../../../../lib/api/reviewing';

/** Pen-name availability as the reviewer types (the reviews service's `GET /pen-names/{name}`). */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const answer = await penNameAvailability(name.slice(0, 64));
  return Response.json(answer.ok ? answer.data : { error: answer }, {
    status: answer.ok ? 200 : answer.status,
    headers: { 'cache-control': 'no-store' },
  });
}
