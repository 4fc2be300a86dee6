import { LOCAL_DEV_JWT_SECRET } from '@app/platform';
import { demoLoaderSettings } from './load-demo';

describe('demoLoaderSettings', () => {
  it('defaults to the local services, the local secret and a minute of waiting', () => {
    expect(demoLoaderSettings({})).toEqual({
      catalog: 'http://127.0.0.1:3001',
      offers: 'http://127.0.0.1:3002',
      secret: LOCAL_DEV_JWT_SECRET,
      readyTimeoutMs: 60_000,
    });
  });

  it("takes compose's URLs and secret, without a trailing slash", () => {
    const settings = demoLoaderSettings({
      CATALOG_URL: 'http://catalog:3001/',
      OFFERS_URL: 'http://offers:3002',
      AUTH_JWT_SECRET: 's'.repeat(40),
      DEMO_READY_TIMEOUT_SECONDS: '5',
    });
    expect(settings).toEqual({
      catalog: 'http://catalog:3001',
      offers: 'http://offers:3002',
      secret: 's'.repeat(40),
      readyTimeoutMs: 5_000,
    });
  });

  it('names the variable that is not a URL or not a duration', () => {
    expect(() => demoLoaderSettings({ OFFERS_URL: 'offers:3002' })).toThrow(
      'OFFERS_URL is not an http(s) URL',
    );
    expect(() => demoLoaderSettings({ DEMO_READY_TIMEOUT_SECONDS: 'soon' })).toThrow(
      'DEMO_READY_TIMEOUT_SECONDS must be a positive number',
    );
  });
});
