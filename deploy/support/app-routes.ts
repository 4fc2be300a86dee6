import 'reflect-metadata';
import { DynamicModule, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { join } from 'node:path';
import { ServiceName } from '@app/contracts';
import { AppConfig, PlatformModule } from '@app/platform';
import { REPO_ROOT } from './tools';

/** One HTTP route an app serves, as its controllers declare it (path parameters as `:name`). */
export interface AppRoute {
  readonly method: string;
  readonly path: string;
}

type ModuleRef = Type<unknown> | DynamicModule;

function isDynamic(ref: ModuleRef): ref is DynamicModule {
  return typeof ref === 'object' && 'module' in ref;
}

function metadataList<T>(key: string, target: object): T[] {
  return (Reflect.getMetadata(key, target) as T[] | undefined) ?? [];
}

function joinPath(...parts: (string | undefined)[]): string {
  const path = parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .join('/');
  return `/${path}`;
}

function controllerRoutes(controller: Type<unknown>): AppRoute[] {
  const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
  const bases = Array.isArray(base) ? base : [base];
  const prototype = controller.prototype as Record<string, unknown>;
  const routes: AppRoute[] = [];
  for (const name of Object.getOwnPropertyNames(prototype)) {
    const handler = prototype[name];
    if (name === 'constructor' || typeof handler !== 'function') continue;
    const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
    if (path === undefined) continue;
    const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
    for (const b of bases) {
      for (const p of Array.isArray(path) ? path : [path]) routes.push({ method, path: joinPath(b, p) });
    }
  }
  return routes;
}

/** Every controller reachable from a module, through static and dynamic imports. */
function controllersOf(root: ModuleRef): Type<unknown>[] {
  const seen = new Set<unknown>();
  const controllers = new Set<Type<unknown>>();
  const visit = (ref: ModuleRef | undefined) => {
    if (!ref || seen.has(ref)) return;
    seen.add(ref);
    const moduleClass = isDynamic(ref) ? ref.module : ref;
    const imports: unknown[] = [...metadataList(MODULE_METADATA.IMPORTS, moduleClass)];
    metadataList<Type<unknown>>(MODULE_METADATA.CONTROLLERS, moduleClass).forEach((c) => controllers.add(c));
    if (isDynamic(ref)) {
      imports.push(...(ref.imports ?? []));
      (ref.controllers ?? []).forEach((c) => controllers.add(c));
    }
    for (const imported of imports) {
      // forwardRef() and promised modules are resolved by Nest at run time; they hold no routes here.
      if (
        typeof imported === 'function' ||
        (typeof imported === 'object' && imported !== null && 'module' in imported)
      ) {
        visit(imported as ModuleRef);
      }
    }
  };
  visit(root);
  return [...controllers];
}

/** Every route the controllers reachable from a module declare. */
export function routesOfModule(root: ModuleRef): AppRoute[] {
  return controllersOf(root).flatMap(controllerRoutes);
}

/**
 * The routes of one app, read from its Nest module the way the router would see them, split into
 * those every service gets from PlatformModule (health, metrics, auth session) and its own.
 */
export async function appRoutes(service: ServiceName, config: AppConfig) {
  const moduleName = `${service[0].toUpperCase()}${service.slice(1)}Module`;
  const file = join(REPO_ROOT, 'apps', service, 'src', `${service}.module`);
  const loaded = (await import(file)) as Record<string, { register(config: AppConfig): DynamicModule }>;
  const appModule = loaded[moduleName];
  if (!appModule) throw new Error(`${file} does not export ${moduleName}`);
  const platform = routesOfModule(PlatformModule.forRoot(config));
  const platformKeys = new Set(platform.map((r) => `${r.method} ${r.path}`));
  const all = routesOfModule(appModule.register(config));
  return { platform, own: all.filter((r) => !platformKeys.has(`${r.method} ${r.path}`)), all };
}
