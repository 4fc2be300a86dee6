import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthGuard } from './auth/auth.guard';
import { AuthSessionController } from './auth/auth-session.controller';
import { TokenVerifier } from './auth/token-verifier';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { HttpExceptionFilter } from './errors/http-exception.filter';
import { healthControllers } from './health/health.controller';
import { HealthRegistry } from './health/health.registry';
import { LoggingModule } from './logging/logging.module';
import { EventPublisher } from './messaging/event-bus';
import { KafkaConnection } from './messaging/kafka-connection';
import { KafkaEventPublisher } from './messaging/kafka-event-publisher';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { OutboxBatches } from './outbox/outbox-batches';
import { OutboxRelay } from './outbox/outbox-relay';

/**
 * What every service shares: validated config, JSON logs with correlation ids, its own MongoDB
 * database, Kafka, bearer-token auth on every route by default, error translation, health,
 * metrics. A service module imports `PlatformModule.forRoot(config)` once.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggingModule.forService(config.service, config.log.level),
        MongooseModule.forRoot(config.mongo.uri, {
          // Indexes are created explicitly at start so a refused index fails loudly (docs/architecture.md).
          autoIndex: false,
          serverSelectionTimeoutMS: 5_000,
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
      ],
      controllers: [...healthControllers(config), MetricsController, AuthSessionController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        TokenVerifier,
        HealthRegistry,
        MetricsService,
        KafkaConnection,
        { provide: EventPublisher, useClass: KafkaEventPublisher },
        OutboxBatches,
        OutboxRelay,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
      exports: [
        APP_CONFIG,
        TokenVerifier,
        HealthRegistry,
        MetricsService,
        KafkaConnection,
        EventPublisher,
        OutboxRelay,
      ],
    };
  }
}
