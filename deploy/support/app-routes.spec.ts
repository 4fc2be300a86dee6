import { Controller, Get, Module, Patch, Post } from '@nestjs/common';
import { loadAppConfig, PlatformModule } from '@app/platform';
import { routesOfModule } from './app-routes';
import { backendsFor, concretePath, pathMatches } from './gateway-routing';
import { K8sObject } from './manifests';

@Controller('products/:productId/offers')
class FixtureOffersController {
  @Get()
  list(): void {}

  @Post(':offerId/withdraw')
  withdraw(): void {}
}

@Controller('sellers/me/profile')
class FixtureProfileController {
  @Patch()
  update(): void {}
}

@Module({ controllers: [FixtureProfileController] })
class FixtureProfileModule {}

@Module({ imports: [FixtureProfileModule], controllers: [FixtureOffersController] })
class FixtureFeatureModule {}

const config = loadAppConfig('offers', {
  MONGODB_URI: 'mongodb://127.0.0.1:27017/offers',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_JWT_SECRET: 'a-test-secret-that-is-long-enough-0001',
});

describe('appRoutes reading controllers', () => {
  it('finds routes through dynamic and static imports, with controller and method paths joined', () => {
    const routes = routesOfModule({
      module: FixtureFeatureModule,
      imports: [PlatformModule.forRoot(config)],
    });
    expect(routes).toEqual(
      expect.arrayContaining([
        { method: 'GET', path: '/products/:productId/offers' },
        { method: 'POST', path: '/products/:productId/offers/:offerId/withdraw' },
        { method: 'PATCH', path: '/sellers/me/profile' },
        { method: 'GET', path: '/health/ready' },
      ]),
    );
  });
});

describe('Gateway API path matching', () => {
  it('matches prefixes by whole path elements and regular expressions in full', () => {
    expect(pathMatches({ type: 'PathPrefix', value: '/reviews' }, '/reviews/r-1')).toBe(true);
    expect(pathMatches({ type: 'PathPrefix', value: '/reviews' }, '/reviewsx')).toBe(false);
    expect(
      pathMatches({ type: 'RegularExpression', value: '^/products(/[^/]+)?/?$' }, '/products/p-1/offers'),
    ).toBe(false);
  });

  it('finds no backend for a controller route that no HTTPRoute covers', () => {
    const route: K8sObject = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'catalog' },
      spec: {
        parentRefs: [],
        rules: [
          {
            matches: [{ path: { type: 'RegularExpression', value: '^/products(/[^/]+)?/?$' } }],
            backendRefs: [{ name: 'catalog', port: 80 }],
          },
        ],
      },
    };
    expect(backendsFor([route], concretePath('/products/:productId'))).toEqual(['catalog']);
    expect(backendsFor([route], concretePath('/products/:productId/editorial-reviews'))).toEqual([]);
  });
});
