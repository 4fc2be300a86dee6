import { expectEventually, startTestService, TestService, testToken } from '@app/testing';
import { CatalogModule } from '../../catalog/src/catalog.module';
import { SEED_BOOK } from '../../../tools/demo/catalog-demo';
import { REVIEW_TERMS_VERSION } from '../src/reviews/dto/review.dto';
import { ReviewsModule } from '../src/reviews.module';
import { GOOD_BODY } from './reviews-support';

type Json = Record<string, any>;

/** A valid ISBN-13 no other test uses: other suites of the run share the catalog's database. */
function freshIsbn13(): string {
  const body = `978${String(Date.now()).slice(-6)}${Math.floor(Math.random() * 1000)
    .toString()
    .padStart(3, '0')}`;
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** The catalog and reviews services together: published reviews reach the product page. */
describe('rating summary on the catalog product page', () => {
  let catalog: TestService;
  let reviews: TestService;

  beforeAll(async () => {
    [catalog, reviews] = await Promise.all([
      startTestService('catalog', (config) => CatalogModule.register(config)),
      startTestService('reviews', (config) => ReviewsModule.register(config)),
    ]);
  });

  afterAll(async () => {
    await Promise.all([catalog?.close(), reviews?.close()]);
  });

  const post = async (account: string, productId: string, rating: number) => {
    const token = await testToken({ sub: account, ageVerified: true });
    return expectEventually(async () => {
      // The reviews service learns the product from catalog.product.v1; until then it answers 409.
      const response = await fetch(`${reviews.url}/reviews`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          productId,
          rating,
          body: GOOD_BODY,
          anonymous: true,
          acceptedTermsVersion: REVIEW_TERMS_VERSION,
        }),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as Json;
    });
  };

  it('starts at "be the first to write a review" and shows count, average and stars once reviews are published', async () => {
    const editor = await testToken({ roles: ['catalog-editor'], sub: 'page-editor' });
    const created = await fetch(`${catalog.url}/products`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...SEED_BOOK, isbn: freshIsbn13() }),
    });
    expect(created.status).toBe(201);
    const productId = ((await created.json()) as Json).id as string;
    const pageOf = async () => (await (await fetch(`${catalog.url}/products/${productId}`)).json()) as Json;
    expect((await pageOf()).ratingSummary).toMatchObject({ count: 0, firstReviewWanted: true });

    await post('acc-page-1', productId, 5);
    await post('acc-page-2', productId, 4);

    await expectEventually(async () =>
      expect((await pageOf()).ratingSummary).toMatchObject({
        count: 2,
        average: 4.5,
        firstReviewWanted: false,
        distribution: expect.arrayContaining([
          { stars: 5, count: 1 },
          { stars: 4, count: 1 },
          { stars: 3, count: 0 },
        ]),
      }),
    );
  });
});
