'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useEffect, useRef, useState } from 'react';

type Versions = { offers: number; ratings: number };

/**
 * Keeps an open product page current: the server sends the catalog's summary versions when they
 * change (server-sent events), and a newer version re-renders the page's server components in
 * place (offer box, offers, rating summary), without a reload and without new client code.
 */
export function LiveUpdates({ productId, offers, ratings }: { productId: string } & Versions) {
  const router = useRouter();
  const shown = useRef<Versions>({ offers, ratings });
  const [announcement, setAnnouncement] = useState('');
  shown.current = {
    offers: Math.max(shown.current.offers, offers),
    ratings: Math.max(shown.current.ratings, ratings),
  };
  useEffect(() => {
    const source = new EventSource(`/api/live/products/${encodeURIComponent(productId)}`);
    source.addEventListener('versions', (event: MessageEvent<string>) => {
      const next = JSON.parse(event.data) as Versions;
      const changed = [
        next.offers > shown.current.offers ? 'Offers' : '',
        next.ratings > shown.current.ratings ? 'Ratings' : '',
      ].filter(Boolean);
      if (changed.length === 0) return;
      shown.current = next;
      setAnnouncement(`${changed.join(' and ')} updated.`);
      startTransition(() => router.refresh());
    });
    return () => source.close();
  }, [productId, router]);
  return (
    <p className="visually-hidden" role="status" data-live-product={productId}>
      {announcement}
    </p>
  );
}
