import type { Money } from '@app/contracts';
import { mongo } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { isbn13CheckDigit } from '../../apps/catalog/src/products/isbn';
import { newProductDocument, ProductContent } from '../../apps/catalog/src/products/product-state';
import { PRODUCTS_COLLECTION, ProductDocument } from '../../apps/catalog/src/products/product.schema';
import { storedOfferSummary, storedRatingSummary } from '../../apps/catalog/src/summaries/summary-rules';
import { NO_PRICE } from '../../apps/catalog/src/products/product.schema';

/**
 * Realistic books for load: written straight into the catalog's collection through the same
 * document builder the service uses (search tokens, keys), in bulk, for speed. They carry no
 * outbox events (100,000 ProductCreated would swamp a development broker) and, when asked, offer
 * and rating summaries as if the other services had published them.
 */

const FIRST = [
  'Anna',
  'Boris',
  'Chen',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'José',
  'Katarzyna',
  'Li',
  'Mateo',
  'Nadia',
  'Olu',
  'Pierre',
  'Qing',
  'Rosa',
  'Søren',
  'Tomás',
  'Ute',
  'Véra',
  'Wei',
  'Yusuf',
  'Zoë',
];
const LAST = [
  'Abrams',
  'Bauer',
  'Castillo',
  'Dubois',
  'Eriksson',
  'Fischer',
  'García',
  'Hoffmann',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lewis',
  'Müller',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Urquhart',
  'Vargas',
  'Wang',
  'Xue',
  'Yamamoto',
  'Zhou',
];
const TOPICS = [
  'Empire',
  'Revolution',
  'the Cold War',
  'the Silk Road',
  'Diplomacy',
  'the Atlantic',
  'Medicine',
  'the Steppe',
  'Cities',
  'Rivers',
  'Money',
  'the Pacific War',
  'Memory',
  'Mountains',
  'Railways',
  'Famine',
  'Science',
  'the Sea',
];
const FORMS = [
  'A History of',
  'The Origins of',
  'Voices of',
  'Rethinking',
  'The Age of',
  'Letters on',
  'Maps of',
  'A Short Guide to',
];
const PUBLISHERS = [
  'Stanford University Press',
  'Oxford University Press',
  'Penguin',
  'Norton',
  'Vintage',
  'Yale University Press',
  'Harvard University Press',
  'Verso',
];
const SERIES = [
  'Studies in International Security and Arms Control',
  'New Cold War History',
  'Modern Asia',
  'World Histories',
];
const FORMATS = ['paperback', 'hardcover', 'mass_market_paperback', 'ebook', 'audiobook'] as const;

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length];
const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

/** A deterministic, valid ISBN-13 per index (979-prefixed so it never hits a real 978 book). */
export function seedIsbn13(index: number): string {
  const first12 = `979${String(index).padStart(9, '0')}`;
  return `${first12}${isbn13CheckDigit(first12)}`;
}

export function seedBookContent(index: number): ProductContent {
  const authors = 1 + (index % 3);
  const year = 1950 + (index % 75);
  return {
    isbn13: seedIsbn13(index),
    title: `${pick(FORMS, index)} ${pick(TOPICS, index * 7 + 3)}`,
    ...(index % 3 === 0 ? { subtitle: `${pick(TOPICS, index * 11)}, ${year - 40}-${year - 10}` } : {}),
    contributors: Array.from({ length: authors }, (_, i) => ({
      name: `${pick(FIRST, index * 3 + i)} ${pick(LAST, index * 5 + i * 7)}`,
      role: i === 2 ? ('editor' as const) : ('author' as const),
    })),
    format: pick(FORMATS, index),
    publisher: pick(PUBLISHERS, index * 13),
    publicationDate: `${year}-${String(1 + (index % 12)).padStart(2, '0')}-01`,
    pageCount: 120 + (index % 700),
    language: 'en',
    ...(index % 5 === 0 ? { series: { name: pick(SERIES, index), volume: 1 + (index % 40) } } : {}),
    description: `An account of ${pick(TOPICS, index)} drawing on archives and interviews.`,
    subjects: ['History', pick(TOPICS, index)],
    listPrice: usd(999 + (index % 50) * 100),
    imageUrls: [],
    editorialReviews: [],
    availability: index % 17 === 0 ? 'out_of_print' : 'in_print',
  };
}

/** A seed book as stored, with summaries for two thirds of them. */
export function seedProductDocument(index: number, now: string): ProductDocument {
  const doc: ProductDocument = {
    ...newProductDocument(uuidv7(), seedBookContent(index), now),
    version: 1,
    outbox: [],
  };
  if (index % 3 !== 0) {
    const lowest = 150 + (index % 40) * 50;
    const offers = storedOfferSummary(
      {
        productId: doc._id,
        version: 1,
        totalOffers: 1 + (index % 20),
        byConditionClass: {
          new: { count: index % 4, lowestPrice: index % 4 ? usd(lowest + 500) : null },
          used: { count: 1 + (index % 16), lowestPrice: usd(lowest) },
          collectible: { count: 0, lowestPrice: null },
        },
        lowestPrice: usd(lowest),
        bestHandlingDays: { min: 1, max: 2 + (index % 3) },
      },
      now,
    );
    const count = index % 30;
    const ratings = storedRatingSummary(
      {
        productId: doc._id,
        version: 1,
        count,
        ratingSum: count * (3 + (index % 3)),
        distribution: {
          '1': 0,
          '2': 0,
          '3': index % 3 === 0 ? count : 0,
          '4': index % 3 === 1 ? count : 0,
          '5': index % 3 === 2 ? count : 0,
        },
      },
      now,
    );
    Object.assign(doc, {
      offerSummary: offers,
      offerSummaryVersion: 1,
      priceKey: offers.lowestPrice?.amountMinor ?? NO_PRICE,
      offerClasses: (['new', 'used'] as const).filter((c) => offers.byConditionClass[c].count > 0),
      ratingSummary: ratings,
      ratingSummaryVersion: 1,
      ratingKey: count > 0 ? Math.round((ratings.ratingSum * 10) / count) : -1,
    });
  }
  return doc;
}

/** Inserts `count` seed books in batches; `onProgress` gets the running total. Returns their ids. */
export async function seedCatalog(
  uri: string,
  count: number,
  onProgress: (done: number) => void = () => undefined,
  batchSize = 1_000,
): Promise<string[]> {
  const client = await new mongo.MongoClient(uri).connect();
  const ids: string[] = [];
  try {
    const products = client.db().collection<ProductDocument>(PRODUCTS_COLLECTION);
    const now = new Date().toISOString();
    const start = await products.countDocuments({});
    for (let done = 0; done < count; done += batchSize) {
      const batch = Array.from({ length: Math.min(batchSize, count - done) }, (_, i) =>
        seedProductDocument(start + done + i, now),
      );
      await products.insertMany(batch, { ordered: false });
      for (const doc of batch) ids.push(doc._id);
      onProgress(done + batch.length);
    }
    return ids;
  } finally {
    await client.close();
  }
}
