import { expectEventually, startTestService, TestService, testToken } from '@app/testing';
import { CatalogModule } from '../../catalog/src/catalog.module';
import { loadCatalogDemo } from '../../../tools/demo/catalog-demo';
import { loadOffersDemo } from '../../../tools/demo/offers-demo';
import { OffersModule } from '../src/offers.module';

type Json = Record<string, any>;
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

/** The catalog and offers services together: the demo's offers reach the seed book's page. */
describe('offer summary on the catalog product page', () => {
  let catalog: TestService;
  let offers: TestService;

  beforeAll(async () => {
    [catalog, offers] = await Promise.all([
      startTestService('catalog', (config) => CatalogModule.register(config)),
      startTestService('offers', (config) => OffersModule.register(config)),
    ]);
  });

  afterAll(async () => {
    await Promise.all([catalog?.close(), offers?.close()]);
  });

  it('reads All (23) from $2.61, New (6) from $19.94, Used (17) from $2.61, also after loading twice', async () => {
    const editor = await testToken({ roles: ['catalog-editor'], sub: 'demo-editor' });
    const { productId } = await loadCatalogDemo(catalog.url, editor);
    const load = () =>
      loadOffersDemo({
        offersUrl: offers.url,
        productId,
        tokenFor: (sellerId) => testToken({ roles: ['seller'], sellerId, sub: `acc-${sellerId}` }),
      });
    expect(await load()).toEqual({ offers: 23, sellers: 6 });
    await load();

    const page = await expectEventually(async () => {
      const response = await fetch(`${catalog.url}/products/${productId}`);
      const body = (await response.json()) as Json;
      expect(body.offerSummary).toMatchObject({
        totalOffers: 23,
        lowestPrice: usd(261),
        byConditionClass: {
          new: { count: 6, lowestPrice: usd(1994) },
          used: { count: 17, lowestPrice: usd(261) },
        },
        handlingLabel: expect.stringContaining('1-2 business days'),
      });
      return body;
    });
    expect(page.offerSummary.byConditionClass.collectible.count).toBe(0);
    const listing = (await (
      await fetch(`${offers.url}/products/${productId}/offers?condition=new`)
    ).json()) as Json;
    expect(listing.items[0]).toMatchObject({ price: usd(1994), seller: { displayName: 'BN.com' } });
    const mine = await fetch(`${offers.url}/sellers/me/offers`, {
      headers: {
        authorization: `Bearer ${await testToken({ roles: ['seller'], sellerId: '0193c9a0-5e11-7000-8000-000000000001' })}`,
      },
    });
    expect(((await mine.json()) as Json).items.every((o: Json) => o.version === 1)).toBe(true);
  });
});
