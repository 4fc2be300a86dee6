/**
 * The seed book's 23 offers ("All (23) from $2.61, New (6) from $19.94, Used (17) from $2.61"),
 * loaded through the offers service's public API by upsert of each seller's SKU: running it twice
 * changes nothing.
 */

interface DemoSeller {
  readonly sellerId: string;
  readonly displayName: string;
}

const SELLERS: readonly DemoSeller[] = [
  { sellerId: '0193c9a0-5e11-7000-8000-000000000001', displayName: 'BN.com' },
  { sellerId: '0193c9a0-5e11-7000-8000-000000000002', displayName: 'Powell Street Books' },
  { sellerId: '0193c9a0-5e11-7000-8000-000000000003', displayName: 'Second Story Used Books' },
  { sellerId: '0193c9a0-5e11-7000-8000-000000000004', displayName: 'Hudson River Booksellers' },
  { sellerId: '0193c9a0-5e11-7000-8000-000000000005', displayName: 'Campus Textbook Exchange' },
  { sellerId: '0193c9a0-5e11-7000-8000-000000000006', displayName: 'Thrift Shelf Outlet' },
];

type Condition = 'new' | 'used_like_new' | 'used_very_good' | 'used_good' | 'used_acceptable';

interface DemoOffer {
  readonly seller: number;
  readonly sku: string;
  readonly condition: Condition;
  readonly price: number;
  readonly quantity: number;
  readonly handling: [number, number];
  readonly note?: string;
}

const SHELF_WEAR =
  'Item is in good condition but packaging may have signs of shelf wear/aging or torn packaging.';

export const DEMO_OFFERS: readonly DemoOffer[] = [
  { seller: 0, sku: 'BN-UP-NEW', condition: 'new', price: 1994, quantity: 12, handling: [1, 2] },
  { seller: 1, sku: 'PSB-0804725217-N', condition: 'new', price: 2250, quantity: 3, handling: [1, 3] },
  { seller: 3, sku: 'HRB-UNCPART-NEW', condition: 'new', price: 2399, quantity: 2, handling: [2, 3] },
  { seller: 4, sku: 'CTE-9780804725217-N', condition: 'new', price: 2475, quantity: 5, handling: [1, 2] },
  { seller: 2, sku: 'SSU-UP-NEW', condition: 'new', price: 2600, quantity: 1, handling: [2, 4] },
  { seller: 5, sku: 'TSO-UP-N1', condition: 'new', price: 2795, quantity: 1, handling: [3, 5] },
  {
    seller: 0,
    sku: 'BN-UP-USED-G',
    condition: 'used_good',
    price: 261,
    quantity: 1,
    handling: [1, 2],
    note: SHELF_WEAR,
  },
  {
    seller: 5,
    sku: 'TSO-UP-U1',
    condition: 'used_acceptable',
    price: 349,
    quantity: 1,
    handling: [2, 5],
    note: 'Ex-library copy with stamps and a library binding; text clean and complete.',
  },
  {
    seller: 5,
    sku: 'TSO-UP-U2',
    condition: 'used_good',
    price: 398,
    quantity: 2,
    handling: [2, 5],
    note: 'Moderate wear to covers; some pencil underlining in chapters 3-5.',
  },
  {
    seller: 2,
    sku: 'SSU-UP-U1',
    condition: 'used_good',
    price: 415,
    quantity: 1,
    handling: [1, 3],
    note: 'Previous owner name on the flyleaf; binding tight, pages clean.',
  },
  {
    seller: 4,
    sku: 'CTE-9780804725217-U1',
    condition: 'used_acceptable',
    price: 450,
    quantity: 4,
    handling: [1, 2],
    note: 'Heavy highlighting throughout; all pages present; cover creased.',
  },
  {
    seller: 4,
    sku: 'CTE-9780804725217-U2',
    condition: 'used_good',
    price: 525,
    quantity: 3,
    handling: [1, 2],
    note: 'Light highlighting in the first two chapters; otherwise clean.',
  },
  {
    seller: 1,
    sku: 'PSB-0804725217-U1',
    condition: 'used_very_good',
    price: 612,
    quantity: 1,
    handling: [1, 3],
    note: 'Clean, unmarked text; slight rubbing to the cover edges.',
  },
  {
    seller: 3,
    sku: 'HRB-UNCPART-U1',
    condition: 'used_good',
    price: 689,
    quantity: 1,
    handling: [2, 3],
    note: SHELF_WEAR,
  },
  {
    seller: 2,
    sku: 'SSU-UP-U2',
    condition: 'used_very_good',
    price: 745,
    quantity: 1,
    handling: [1, 3],
    note: 'Near-fine copy; faint sunning to the spine.',
  },
  {
    seller: 0,
    sku: 'BN-UP-USED-VG',
    condition: 'used_very_good',
    price: 799,
    quantity: 2,
    handling: [1, 2],
    note: 'Pages clean and unmarked; minor corner bump.',
  },
  {
    seller: 1,
    sku: 'PSB-0804725217-U2',
    condition: 'used_good',
    price: 850,
    quantity: 1,
    handling: [1, 3],
    note: 'Small remainder mark on the bottom edge; text clean.',
  },
  {
    seller: 5,
    sku: 'TSO-UP-U3',
    condition: 'used_like_new',
    price: 995,
    quantity: 1,
    handling: [3, 5],
    note: 'Read once; no marks, spine uncreased.',
  },
  {
    seller: 3,
    sku: 'HRB-UNCPART-U2',
    condition: 'used_like_new',
    price: 1125,
    quantity: 1,
    handling: [2, 3],
    note: 'As new; maps and photographs crisp.',
  },
  {
    seller: 4,
    sku: 'CTE-9780804725217-U3',
    condition: 'used_very_good',
    price: 1199,
    quantity: 2,
    handling: [1, 2],
    note: 'Former course copy, no writing; light shelf wear.',
  },
  {
    seller: 2,
    sku: 'SSU-UP-U3',
    condition: 'used_like_new',
    price: 1350,
    quantity: 1,
    handling: [1, 3],
    note: 'Bookplate on front pastedown; otherwise as new.',
  },
  {
    seller: 1,
    sku: 'PSB-0804725217-U3',
    condition: 'used_like_new',
    price: 1495,
    quantity: 1,
    handling: [1, 3],
    note: 'Unread copy with a small dent on the back cover.',
  },
  {
    seller: 0,
    sku: 'BN-UP-USED-LN',
    condition: 'used_like_new',
    price: 1650,
    quantity: 1,
    handling: [1, 2],
    note: 'Like new; stored in a smoke-free home.',
  },
];

export interface OffersDemoInput {
  readonly offersUrl: string;
  readonly productId: string;
  readonly tokenFor: (sellerId: string) => Promise<string>;
  /** How long to wait for the offers service to learn the product from the catalog's events. */
  readonly waitMs?: number;
}

async function send(url: string, method: string, token: string, body: unknown) {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    text: await response.text(),
  };
}

/** Retries while the product is REFERENCE_NOT_YET_KNOWN (its event is on the way). */
async function upsertOffer(input: OffersDemoInput, offer: DemoOffer, token: string): Promise<void> {
  const seller = SELLERS[offer.seller];
  const body = {
    productId: input.productId,
    condition: offer.condition,
    ...(offer.note ? { conditionNote: offer.note } : {}),
    price: { amountMinor: offer.price },
    quantity: offer.quantity,
    handlingDays: { min: offer.handling[0], max: offer.handling[1] },
  };
  const deadline = Date.now() + (input.waitMs ?? 30_000);
  for (;;) {
    const result = await send(`${input.offersUrl}/sellers/me/offers/by-sku/${offer.sku}`, 'PUT', token, body);
    if (result.status === 200 || result.status === 201) return;
    if (result.status !== 409 || !result.text.includes('REFERENCE_NOT_YET_KNOWN') || Date.now() > deadline) {
      throw new Error(
        `offers demo: ${seller.displayName} ${offer.sku} answered ${result.status} ${result.text}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function loadOffersDemo(input: OffersDemoInput): Promise<{ offers: number; sellers: number }> {
  const tokens = new Map<string, string>();
  for (const seller of SELLERS) {
    const token = await input.tokenFor(seller.sellerId);
    tokens.set(seller.sellerId, token);
    const saved = await send(`${input.offersUrl}/sellers/me/profile`, 'PUT', token, {
      displayName: seller.displayName,
    });
    if (saved.status !== 200) throw new Error(`offers demo: profile answered ${saved.status} ${saved.text}`);
  }
  for (const offer of DEMO_OFFERS) {
    await upsertOffer(input, offer, tokens.get(SELLERS[offer.seller].sellerId)!);
  }
  return { offers: DEMO_OFFERS.length, sellers: SELLERS.length };
}
