/** Liveness: the server answers. The web app holds no state, so live and ready are the same. */
export function GET() {
  return Response.json({ status: 'up' }, { headers: { 'cache-control': 'no-store' } });
}
