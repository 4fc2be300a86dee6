import { Controller, Get, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { testToken } from '@app/testing';
import { APP_CONFIG, loadAppConfig } from '../config/app-config';
import { HttpExceptionFilter } from '../errors/http-exception.filter';
import { CurrentPrincipal, OptionalAuth, Public, Roles } from './auth.decorators';
import { AuthGuard } from './auth.guard';
import { Principal } from './claims';
import { LOCAL_DEV_JWT_SECRET } from './local-dev-secret';
import { TokenVerifier } from './token-verifier';

@Controller()
class ProbeController {
  @Public() @Get('open') open() {
    return { ok: true };
  }

  @OptionalAuth() @Get('maybe') maybe(@CurrentPrincipal() principal?: Principal) {
    return { accountId: principal?.accountId ?? null };
  }

  @Roles('moderator') @Get('moderation') moderation() {
    return { ok: true };
  }

  @Roles('seller', 'catalog-editor') @Get('stock') stock(@CurrentPrincipal() principal: Principal) {
    return { sellerId: principal.sellerId ?? null };
  }
}

/** One handler function shared by two controllers whose class-level rules differ. */
class ListingBase {
  @Get() list() {
    return { ok: true };
  }
}

@Public()
@Controller('public-listing')
class PublicListingController extends ListingBase {}

@Controller('private-listing')
class PrivateListingController extends ListingBase {}

@Module({
  controllers: [ProbeController, PublicListingController, PrivateListingController],
  providers: [
    {
      provide: APP_CONFIG,
      useValue: loadAppConfig('reports', {
        MONGODB_URI: 'mongodb://127.0.0.1:1/unused',
        KAFKA_BROKERS: '127.0.0.1:1',
        AUTH_JWT_SECRET: LOCAL_DEV_JWT_SECRET,
      }),
    },
    TokenVerifier,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: HttpExceptionFilter },
  ],
})
class ProbeModule {}

describe('AuthGuard', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  const get = async (url: string, token?: string) => {
    const response = await app.inject({
      method: 'GET',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.statusCode, body: response.json() };
  };

  it('lets anyone call a public route', async () => {
    expect(await get('/open')).toEqual({ status: 200, body: { ok: true } });
  });

  it('reads a token on an optional-auth route only when one is sent', async () => {
    expect((await get('/maybe')).body).toEqual({ accountId: null });
    expect((await get('/maybe', await testToken({ sub: 'acc-3' }))).body).toEqual({ accountId: 'acc-3' });
    expect((await get('/maybe', 'x.y.z')).status).toBe(401);
  });

  it('refuses a shopper and a seller on a moderator route with 403 and a reason', async () => {
    for (const roles of [['customer'], ['seller']] as const) {
      const token = await testToken({ roles: [...roles], sellerId: 's-1' });
      expect(await get('/moderation', token)).toEqual({
        status: 403,
        body: {
          error: expect.objectContaining({
            code: 'ROLE_REQUIRED',
            message: expect.stringContaining('"moderator"'),
          }),
        },
      });
    }
  });

  it('admits any one of several roles', async () => {
    expect(await get('/stock', await testToken({ roles: ['seller'], sellerId: 's-9' }))).toEqual({
      status: 200,
      body: { sellerId: 's-9' },
    });
    expect((await get('/stock', await testToken({ roles: ['catalog-editor'] }))).status).toBe(200);
  });

  it('applies to a handler two controllers inherit the rules of the controller called', async () => {
    for (let round = 0; round < 2; round++) {
      expect((await get('/public-listing')).status).toBe(200);
      expect(await get('/private-listing')).toMatchObject({
        status: 401,
        body: { error: { code: 'AUTH_TOKEN_MISSING' } },
      });
    }
  });

  it('refuses a seller token that carries no sellerId claim', async () => {
    const token = await testToken({ roles: ['seller'] });
    expect(await get('/stock', token)).toMatchObject({
      status: 401,
      body: { error: { code: 'AUTH_CLAIMS_INVALID' } },
    });
  });
});
