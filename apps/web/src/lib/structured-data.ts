import type { ProductFormat, ProductPage } from './api/catalog';

const BOOK_FORMATS: Record<ProductFormat, string> = {
  paperback: 'https://schema.org/Paperback',
  mass_market_paperback: 'https://schema.org/Paperback',
  hardcover: 'https://schema.org/Hardcover',
  ebook: 'https://schema.org/EBook',
  audiobook: 'https://schema.org/AudiobookFormat',
};

const decimal = (amountMinor: number) => (amountMinor / 100).toFixed(2);

/** schema.org Book + Product for the product page, with AggregateOffer and AggregateRating. */
export function bookJsonLd(page: ProductPage, url: string): Record<string, unknown> {
  const { product, offerSummary, ratingSummary } = page;
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': ['Book', 'Product'],
    '@id': url,
    url,
    name: product.subtitle ? `${product.title}: ${product.subtitle}` : product.title,
    isbn: product.isbn13,
    gtin13: product.isbn13,
    bookFormat: BOOK_FORMATS[product.format],
    author: product.contributors
      .filter((c) => c.role === 'author')
      .map((c) => ({ '@type': 'Person', name: c.name })),
    ...(product.description ? { description: product.description } : {}),
    ...(product.pageCount ? { numberOfPages: product.pageCount } : {}),
    ...(product.publisher ? { publisher: { '@type': 'Organization', name: product.publisher } } : {}),
    ...(product.publicationDate ? { datePublished: product.publicationDate } : {}),
    ...(product.language ? { inLanguage: product.language } : {}),
    ...(product.series
      ? {
          isPartOf: { '@type': 'BookSeries', name: product.series.name },
          ...(product.series.volume ? { position: product.series.volume } : {}),
        }
      : {}),
  };
  if (offerSummary.totalOffers > 0 && offerSummary.lowestPrice) {
    data.offers = {
      '@type': 'AggregateOffer',
      offerCount: offerSummary.totalOffers,
      lowPrice: decimal(offerSummary.lowestPrice.amountMinor),
      priceCurrency: offerSummary.lowestPrice.currency,
      availability: 'https://schema.org/InStock',
      url: `${url}#offers`,
    };
  }
  if (ratingSummary.count > 0 && ratingSummary.average !== null) {
    data.aggregateRating = {
      '@type': 'AggregateRating',
      ratingValue: ratingSummary.average,
      reviewCount: ratingSummary.count,
      bestRating: 5,
      worstRating: 1,
    };
  }
  return data;
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<`, `>` and `&` are escaped as
 * \u003c…, so no text (a title holding `</script>`) can end the element early; U+2028/2029 too.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
