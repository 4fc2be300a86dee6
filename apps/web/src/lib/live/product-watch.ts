import type { Client } from 'openapi-fetch';
import type { paths } from '../../api/generated/catalog';
import { serviceClient } from '../api/http';
import { webConfig } from '../config';

/**
 * Which offer and rating summaries a product page shows: the catalog's summary versions, which
 * go up by one with every change. An open page compares them with the ones it was rendered with.
 */
export interface SummaryVersions {
  readonly offers: number;
  readonly ratings: number;
}

type Listener = (versions: SummaryVersions) => void;

/**
 * How often one watched product is read from the catalog. The catalog's ETag is the product's
 * own version (summaries do not move it) and it does not answer If-None-Match, so a conditional
 * upstream read would save nothing: one plain read per product per second in this process, shared by
 * every open page of that product, is the whole upstream cost.
 */
const POLL_MS = 1_000;

interface Watch {
  readonly listeners: Set<Listener>;
  last?: SummaryVersions;
  timer?: NodeJS.Timeout;
}

const watches = new Map<string, Watch>();
let client: Client<paths> | undefined;
const catalog = () => (client ??= serviceClient<paths>(webConfig().catalogUrl));

/** The product's summary versions now, or undefined when the catalog does not answer. */
export async function summaryVersions(productId: string): Promise<SummaryVersions | undefined> {
  try {
    const { data } = await catalog().GET('/products/{id}', { params: { path: { id: productId } } });
    return data ? { offers: data.offerSummary.version, ratings: data.ratingSummary.version } : undefined;
  } catch {
    return undefined;
  }
}

async function poll(productId: string, watch: Watch): Promise<void> {
  const versions = await summaryVersions(productId);
  if (watches.get(productId) !== watch) return; // the last page left while we were asking
  if (versions && (versions.offers !== watch.last?.offers || versions.ratings !== watch.last?.ratings)) {
    watch.last = versions;
    for (const listener of watch.listeners) listener(versions);
  }
  watch.timer = setTimeout(() => void poll(productId, watch), POLL_MS);
}

/**
 * Calls `listener` with the product's summary versions now and whenever they change, until the
 * returned function is called. One upstream poll per product, however many pages watch it.
 */
export function watchProduct(productId: string, listener: Listener): () => void {
  let watch = watches.get(productId);
  if (!watch) {
    watch = { listeners: new Set() };
    watches.set(productId, watch);
    void poll(productId, watch);
  } else if (watch.last) {
    listener(watch.last);
  }
  watch.listeners.add(listener);
  const current = watch;
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size > 0) return;
    clearTimeout(current.timer);
    watches.delete(productId);
  };
}

/** How many products this process is polling (for tests and diagnostics). */
export const watchedProducts = () => watches.size;
