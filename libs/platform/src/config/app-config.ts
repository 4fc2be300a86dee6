import { z } from 'zod';
import { SERVICE_SPECS, ServiceName } from '@app/contracts';
import { LOCAL_AUTH_AUDIENCE, LOCAL_AUTH_ISSUER, LOCAL_DEV_JWT_SECRET } from '../auth/local-dev-secret';

/**
 * Event handlers one service runs at once. More keeps a slow aggregate from holding up others;
 * fewer keeps a burst from queueing ahead of the service's own writes in the store.
 */
export const DEFAULT_CONSUMER_CONCURRENCY = 64;

/** A string variable that must be set; the message says what it is for. */
function required(purpose: string) {
  return z.string({
    error: (issue) => (issue.input === undefined ? `is required (${purpose})` : 'must be a string'),
  });
}

const commaList = required('comma-separated Kafka bootstrap brokers, e.g. 127.0.0.1:9092')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[^\s:]+:\d+$/, 'must be host:port')).min(1));

const boolFromEnv = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * The environment every service reads, validated at start. A bad or missing variable stops the
 * process with a message naming it; nothing else in the code reads `process.env`.
 */
export const baseEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).optional(),
    MONGODB_URI: required(
      "this service's own MongoDB database, e.g. mongodb://127.0.0.1:27017/catalog",
    ).regex(/^mongodb(\+srv)?:\/\/.+\/[^/?]+/, 'must be a mongodb:// URI that names a database'),
    KAFKA_BROKERS: commaList,
    KAFKA_CLIENT_ID: z.string().min(1).optional(),
    KAFKA_TOPIC_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9._-]*$/)
      .default(''),
    KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
    KAFKA_SASL_USERNAME: z.string().min(1).optional(),
    KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
    KAFKA_SSL: boolFromEnv.default(false),
    KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(300_000).default(30_000),
    KAFKA_CONSUMER_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(1_024)
      .default(DEFAULT_CONSUMER_CONCURRENCY),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 key)').optional(),
    AUTH_JWKS_URL: z.url().optional(),
    AUTH_ISSUER: z.string().min(1).default(LOCAL_AUTH_ISSUER),
    AUTH_AUDIENCE: z.string().min(1).default(LOCAL_AUTH_AUDIENCE),
    CURRENCY: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
      .default('USD'),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    /** `/docs` and `/docs/json`: the API's shape, for development and partners; closed in production. */
    DOCS_ENABLED: boolFromEnv.default(true),
    /** `/health/details`: database name, brokers, consumer groups; closed in production. */
    HEALTH_DETAILS_ENABLED: boolFromEnv.default(true),
    OUTBOX_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
  })
  .superRefine((env, ctx) => {
    if (!env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWT_SECRET'],
        message: 'is required unless AUTH_JWKS_URL is set (the key that verifies bearer tokens)',
      });
    }
    if (env.KAFKA_SASL_MECHANISM && (!env.KAFKA_SASL_USERNAME || !env.KAFKA_SASL_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.KAFKA_SASL_USERNAME ? 'KAFKA_SASL_PASSWORD' : 'KAFKA_SASL_USERNAME'],
        message: `is required when KAFKA_SASL_MECHANISM is set (${env.KAFKA_SASL_MECHANISM})`,
      });
    }
    if (env.NODE_ENV === 'production' && env.AUTH_JWT_SECRET === LOCAL_DEV_JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWT_SECRET'],
        message: 'is the public development secret, which production refuses',
      });
    }
  });

export type BaseEnv = z.infer<typeof baseEnvSchema>;

export interface AppConfig {
  readonly service: ServiceName;
  readonly env: BaseEnv['NODE_ENV'];
  readonly http: { readonly host: string; readonly port: number };
  readonly mongo: { readonly uri: string };
  readonly kafka: {
    readonly brokers: string[];
    readonly clientId: string;
    readonly topicPrefix: string;
    /** How long a silent consumer keeps its partitions: also how long a crashed one blocks them. */
    readonly sessionTimeoutMs: number;
    /** Event handlers of this service running at once (one key's events always run in order). */
    readonly consumerConcurrency: number;
    readonly sasl?: {
      readonly mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
      readonly username: string;
      readonly password: string;
    };
    readonly ssl: boolean;
  };
  readonly log: { readonly level: BaseEnv['LOG_LEVEL'] };
  readonly auth: {
    readonly jwtSecret?: string;
    readonly jwksUrl?: string;
    readonly issuer: string;
    readonly audience: string;
  };
  readonly currency: string;
  readonly shutdownGraceMs: number;
  readonly docsEnabled: boolean;
  /** Whether `/health/details` exists (`/health/live` and `/health/ready` always do). */
  readonly healthDetailsEnabled: boolean;
  readonly outbox: { readonly sweepIntervalMs: number };
}

/** Names of the variables a deployment must provide (the rest have defaults). */
export const REQUIRED_ENV = ['MONGODB_URI', 'KAFKA_BROKERS', 'AUTH_JWT_SECRET|AUTH_JWKS_URL'] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadAppConfig(service: ServiceName, source: NodeJS.ProcessEnv): AppConfig {
  const parsed = baseEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
    );
  }
  const env = parsed.data;
  return {
    service,
    env: env.NODE_ENV,
    http: { host: env.HOST, port: env.PORT ?? SERVICE_SPECS[service].port },
    mongo: { uri: env.MONGODB_URI },
    kafka: {
      brokers: env.KAFKA_BROKERS,
      clientId: env.KAFKA_CLIENT_ID ?? service,
      topicPrefix: env.KAFKA_TOPIC_PREFIX,
      sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
      consumerConcurrency: env.KAFKA_CONSUMER_CONCURRENCY,
      sasl:
        env.KAFKA_SASL_MECHANISM && env.KAFKA_SASL_USERNAME && env.KAFKA_SASL_PASSWORD
          ? {
              mechanism: env.KAFKA_SASL_MECHANISM,
              username: env.KAFKA_SASL_USERNAME,
              password: env.KAFKA_SASL_PASSWORD,
            }
          : undefined,
      ssl: env.KAFKA_SSL,
    },
    log: { level: env.LOG_LEVEL },
    auth: {
      jwtSecret: env.AUTH_JWT_SECRET,
      jwksUrl: env.AUTH_JWKS_URL,
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
    },
    currency: env.CURRENCY,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    docsEnabled: env.DOCS_ENABLED,
    healthDetailsEnabled: env.HEALTH_DETAILS_ENABLED,
    outbox: { sweepIntervalMs: env.OUTBOX_SWEEP_INTERVAL_MS },
  };
}

/** The DI token of the validated `AppConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** The process environment is read here and nowhere else. */
export function loadAppConfigFromEnvironment(service: ServiceName): AppConfig {
  return loadAppConfig(service, process.env);
}

/**
 * A service's own variables beyond the base ones, validated with the service's schema the same
 * way: a bad value throws a ConfigError naming the variable. The environment is read here too.
 */
export function loadServiceEnv<S extends z.ZodType>(
  schema: S,
  source: NodeJS.ProcessEnv = process.env,
): z.output<S> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
    );
  }
  return parsed.data;
}
