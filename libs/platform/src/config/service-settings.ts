import { DynamicModule, Global, Module } from '@nestjs/common';
import { z } from 'zod';
import { loadServiceEnv } from './app-config';

/**
 * A service's own tuning, declared once: the environment variables it reads (each with a default,
 * validated by a zod schema), the typed settings they become, and the DI token that provides them.
 * Every service's tuning goes this way, so each has one place to read and one way to fail.
 */
export interface SettingsDefinition<T extends object> {
  readonly token: symbol;
  /** The settings when none of the variables is set. */
  readonly defaults: T;
  /** Validates `source`; a bad value throws a ConfigError naming the variable. */
  load(source: NodeJS.ProcessEnv): T;
}

export function defineSettings<S extends z.ZodType, T extends object>(definition: {
  readonly token: symbol;
  readonly schema: S;
  readonly fromEnv: (env: z.output<S>) => T;
}): SettingsDefinition<T> {
  const load = (source: NodeJS.ProcessEnv): T =>
    definition.fromEnv(loadServiceEnv(definition.schema, source));
  return { token: definition.token, defaults: load({}), load };
}

/** The process environment is read here and in `app-config.ts`, nowhere else. */
export function loadSettingsFromEnvironment<T extends object>(definition: SettingsDefinition<T>): T {
  return definition.load(process.env);
}

/** Provides a service's settings to every module of the service under the definition's token. */
@Global()
@Module({})
export class ServiceSettingsModule {
  /** `settings` replaces the defaults field by field (tests pass only what they change). */
  static forRoot<T extends object>(
    definition: SettingsDefinition<T>,
    settings: Partial<T> = {},
  ): DynamicModule {
    return {
      module: ServiceSettingsModule,
      providers: [{ provide: definition.token, useValue: { ...definition.defaults, ...settings } }],
      exports: [definition.token],
    };
  }
}
