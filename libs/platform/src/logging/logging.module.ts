import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import {
  CORRELATION_HEADER,
  acceptableCorrelationId,
  currentCorrelationId,
  newCorrelationId,
  runWithCorrelation,
} from './correlation';

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

/** The request's correlation id: the caller's, if acceptable, else a new one (written back). */
export function ensureCorrelationId(req: IncomingMessage): string {
  const given = acceptableCorrelationId(req.headers[CORRELATION_HEADER]);
  if (given) return given;
  const created = newCorrelationId();
  req.headers[CORRELATION_HEADER] = created;
  return created;
}

function correlationMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const correlationId = ensureCorrelationId(req);
  res.setHeader(CORRELATION_HEADER, correlationId);
  runWithCorrelation(correlationId, next);
}

@Module({})
export class LoggingModule implements NestModule {
  static forService(service: string, level: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level,
            base: { service },
            messageKey: 'msg',
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            genReqId: (req) => ensureCorrelationId(req),
            customAttributeKeys: { reqId: 'correlationId' },
            mixin: () => {
              const correlationId = currentCorrelationId();
              return correlationId ? { correlationId } : {};
            },
            // Health probes and scrapes arrive every few seconds; logging each drowns real traffic.
            autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
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

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(correlationMiddleware).forRoutes('*path');
  }
}
