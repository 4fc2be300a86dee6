/**
 * The seed book: the real product page this marketplace is modelled on, loaded through the catalog's
 * public API. Facts from that page; the texts are short summaries of ours, not copies.
 */
export const SEED_BOOK_ISBN13 = '9780804725217';

export const SEED_BOOK = {
  isbn: SEED_BOOK_ISBN13,
  title: 'Uncertain Partners',
  subtitle: 'Stalin, Mao, and the Korean War',
  contributors: [
    {
      name: 'Sergei N. Goncharov',
      role: 'author',
      bio: 'Formerly of the Far Eastern Institute of the Academy of Sciences in Moscow; later an adviser to Boris Yeltsin and a member of the Russian Ministry of Foreign Affairs.',
    },
    {
      name: 'John W. Lewis',
      role: 'author',
      bio: 'Haas Professor of Chinese Politics at Stanford University.',
    },
    {
      name: 'Xue Litai',
      role: 'author',
      bio: 'Research associate at the Center for International Security and Arms Control, Stanford University.',
    },
  ],
  format: 'paperback',
  publisher: 'Stanford University Press',
  publicationDate: '1993-01-01',
  pageCount: 393,
  language: 'en',
  series: { name: 'Studies in International Security and Arms Control', volume: 4 },
  description:
    'How the Sino-Soviet alliance was made and how the Korean War began, told from newly opened Russian and Chinese sources: the cables between Mao and Stalin, secret protocols, and interviews with Russian, Chinese and Korean participants. It follows decision-making in Moscow, Beijing and Pyongyang from 1945 to October 1950.',
  illustrationsNote: 'Illustrated with 42 photographs and two maps',
  subjects: ['History', 'Korean War, 1950-1953', 'Sino-Soviet relations', 'Cold War'],
  listPrice: { amountMinor: 3295, currency: 'USD' },
  editorialReviews: [
    {
      source: 'From the Publisher',
      text: 'Collected praise calls it a landmark three-country collaboration and likely the standard account of how the war was decided on the communist side.',
    },
    {
      source: 'Publishers Weekly',
      text: 'A major scholarly study showing from primary documents that Stalin backed the June 1950 invasion, Mao reluctantly went along, and the war came about piecemeal.',
    },
    {
      source: 'Library Journal',
      reviewer: 'John Sandstrom',
      text: 'Opens a new era in the study of Sino-Soviet relations; transliteration and notes are uneven, but the references and translated documents make it strongly recommended.',
    },
    {
      source: 'From The Critics',
      reviewer: 'Michael P. Madon',
      text: 'Serious, well-researched and full of fresh material, though it leans on the disputed memoirs of two secondary witnesses and on the personalities of Stalin and Mao.',
    },
  ],
  availability: 'in_print',
} as const;

interface ProductCard {
  id: string;
  version: number;
}

async function call(
  url: string,
  init: RequestInit & { token: string },
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    ...init,
    headers: {
      authorization: `Bearer ${init.token}`,
      'content-type': 'application/json',
      ...(init.headers ?? {}),
    },
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

function differingFields(current: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [field, wanted] of Object.entries(SEED_BOOK)) {
    if (field === 'isbn') continue;
    if (JSON.stringify(current[field]) !== JSON.stringify(wanted)) patch[field] = wanted;
  }
  return patch;
}

/**
 * Upserts the seed book by ISBN with a catalog editor's token: created when missing, patched
 * only where it differs, untouched otherwise (a second start adds nothing and publishes nothing).
 */
export async function loadCatalogDemo(
  baseUrl: string,
  token: string,
): Promise<{ productId: string; outcome: 'created' | 'updated' | 'unchanged' }> {
  const found = await call(`${baseUrl}/products?isbn=${SEED_BOOK_ISBN13}`, { method: 'GET', token });
  if (found.status !== 200) throw new Error(`catalog demo: lookup answered ${found.status}`);
  const existing = (found.body as { items: ProductCard[] }).items[0];
  if (!existing) {
    const created = await call(`${baseUrl}/products`, {
      method: 'POST',
      token,
      body: JSON.stringify(SEED_BOOK),
    });
    if (created.status !== 201)
      throw new Error(`catalog demo: create answered ${created.status} ${JSON.stringify(created.body)}`);
    return { productId: (created.body as ProductCard).id, outcome: 'created' };
  }
  const page = await call(`${baseUrl}/products/${existing.id}`, { method: 'GET', token });
  const product = (page.body as { product: Record<string, unknown> & ProductCard }).product;
  const patch = differingFields(product);
  if (Object.keys(patch).length === 0) return { productId: existing.id, outcome: 'unchanged' };
  const updated = await call(`${baseUrl}/products/${existing.id}`, {
    method: 'PATCH',
    token,
    headers: { 'if-match': `"${product.version}"` },
    body: JSON.stringify(patch),
  });
  if (updated.status !== 200)
    throw new Error(`catalog demo: update answered ${updated.status} ${JSON.stringify(updated.body)}`);
  return { productId: existing.id, outcome: 'updated' };
}
