import { summaryVersions, type SummaryVersions, watchProduct } from '../../../../../lib/live/product-watch';

export const dynamic = 'force-dynamic';

const ID = /^[A-Za-z0-9-]{1,64}$/;
const HEARTBEAT_MS = 25_000;

/**
 * Live summaries of an open product page. `Accept: text/event-stream`: server-sent events, a
 * `versions` event now and on every change of the offer or rating summary (what the page uses).
 * Otherwise one JSON answer with an ETag, 304 to a matching If-None-Match (conditional polling,
 * kept for clients without EventSource and for the measurement in the README).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!ID.test(id)) return new Response('Unknown product.', { status: 404 });
  if (!(request.headers.get('accept') ?? '').includes('text/event-stream')) return conditional(request, id);
  return new Response(eventStream(request, id), {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform keeps the server's gzip from buffering the stream.
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}

function eventStream(request: Request, productId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = () => undefined as void;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      send('retry: 3000\n\n');
      const unwatch = watchProduct(productId, (versions: SummaryVersions) =>
        send(`event: versions\ndata: ${JSON.stringify(versions)}\n\n`),
      );
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
      stop = () => {
        clearInterval(heartbeat);
        unwatch();
      };
      request.signal.addEventListener('abort', () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      stop();
    },
  });
}

async function conditional(request: Request, productId: string): Promise<Response> {
  const versions = await summaryVersions(productId);
  if (!versions) return new Response('Not available right now.', { status: 503 });
  const etag = `"o${versions.offers}-r${versions.ratings}"`;
  const headers = { etag, 'cache-control': 'no-cache' };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return Response.json(versions, { headers });
}
