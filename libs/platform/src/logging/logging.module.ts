import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { correlationLogFields } from './correlation';

/** Fields never written to a log line, whatever object they appear in. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  '*.password',
  '*.secret',
  '*.token',
  '*.jwtSecret',
  'config.auth.jwtSecret',
  'config.kafka.sasl.password',
];

/**
 * The service's pino logger behind Nest's `Logger`. Requests are traced by Fastify hooks
 * (`traceRequests`, installed by `createService`), not by nestjs-pino's middleware: `forRoutes: []`
 * keeps that middleware, and with it @fastify/middie, off the request path.
 */
@Module({})
export class LoggingModule {
  static forService(service: string, level: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [],
          pinoHttp: {
            level,
            base: { service },
            messageKey: 'msg',
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            mixin: correlationLogFields,
            // Only our own plain `{ method, url }` / `{ statusCode }` objects are logged under these
            // keys now, so pino-std-serializers' request and response wrappers are not needed.
            wrapSerializers: false,
            serializers: {
              req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
