import { INestApplication } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { OPTIONAL_AUTH, PUBLIC_ROUTE, REQUIRED_ROLES } from '../auth/auth.decorators';
import type { Role } from '../auth/claims';
import { ROUTE_DOC, RouteDoc, RequestHeaderName } from './api-route';
import {
  correlationIdParameter,
  errorResponse,
  requestHeaderParameter,
  responseHeaders,
  sharedComponents,
} from './components';
import { PLATFORM_ERROR_CODES } from './error-body';
import { JsonSchema, openApiSchemaOf } from './json-schema';

type AuthMode = 'public' | 'optional' | 'bearer';

const BODY_METHODS = new Set(['post', 'put', 'patch']);

interface DocumentedRoute {
  readonly doc?: RouteDoc;
  readonly auth: AuthMode;
  readonly roles: readonly Role[];
}

type Operation = Record<string, unknown> & {
  operationId?: string;
  parameters?: { in?: string }[];
  requestBody?: unknown;
};

/**
 * The service's OpenAPI 3.1 document. Paths, path and query parameters and JSON bodies come from
 * the routes (`@ValidQuery`, `@ValidBody`); each operation is then completed from its `@ApiRoute`
 * and its auth decorators, so security and the platform's own errors are derived, never copied.
 * Needs only the application's module graph: an app created with `preview: true` will do.
 */
export function buildOpenApiDocument(app: INestApplication, service: string): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle(`Bookstore marketplace: ${service} service`)
      .setDescription(
        'Errors answer `{ "error": { "code", "message", "details?", "correlationId" } }` with a stable code; ' +
          'each operation lists the codes it can answer. Send `X-Correlation-Id` to trace a request through logs and events.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  const routes = documentedRoutes(app);
  const shared = sharedComponents();
  document.components = { ...document.components, ...shared };
  for (const pathItem of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem) as [string, Operation][]) {
      const route = operation.operationId ? routes.get(operation.operationId) : undefined;
      if (route) completeOperation(operation, route, method);
    }
  }
  return document;
}

/** Every controller method by the operation id Swagger gives it (`Controller_method`). */
function documentedRoutes(app: INestApplication): Map<string, DocumentedRoute> {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const routes = new Map<string, DocumentedRoute>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      for (const name of scanner.getAllMethodNames(controller.prototype as object)) {
        const handler = (controller.prototype as Record<string, () => unknown>)[name];
        const targets = [handler, controller];
        const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
        const optional = reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH, targets) ?? false;
        routes.set(`${controller.name}_${name}`, {
          doc: reflector.get<RouteDoc | undefined>(ROUTE_DOC, handler),
          auth: isPublic ? 'public' : optional ? 'optional' : 'bearer',
          roles: reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets) ?? [],
        });
      }
    }
  }
  return routes;
}

function completeOperation(operation: Operation, route: DocumentedRoute, method: string): void {
  const { doc, auth } = route;
  operation.security = auth === 'public' ? [] : auth === 'optional' ? [{}, { bearer: [] }] : [{ bearer: [] }];
  if (!doc) return;
  operation.summary = doc.summary;
  if (doc.description) operation.description = doc.description;
  const headers = Object.entries(doc.requestHeaders ?? {}).map(([name, header]) =>
    requestHeaderParameter(name as RequestHeaderName, header),
  );
  operation.parameters = [...(operation.parameters ?? []), ...headers, correlationIdParameter()];
  if (doc.rawBody) {
    operation.requestBody = {
      required: true,
      description: doc.rawBody.description,
      content: Object.fromEntries(
        doc.rawBody.mediaTypes.map((type) => [type, { schema: { type: 'string' } }]),
      ),
    };
  }
  const responses: JsonSchema = {};
  for (const [status, answer] of Object.entries(doc.responses)) {
    responses[status] = {
      description: answer.description,
      headers: responseHeaders(answer.headers ?? []),
      ...(answer.schema
        ? {
            content: {
              [answer.mediaType ?? 'application/json']: { schema: openApiSchemaOf(answer.schema, 'output') },
            },
          }
        : {}),
    };
  }
  for (const [status, codes] of errorCodesOf(operation, route, method)) {
    if (!(status in responses)) responses[status] = errorResponse(status, codes);
  }
  operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

/** The codes each error status of the operation can carry: the route's own and the platform's. */
function errorCodesOf(operation: Operation, route: DocumentedRoute, method: string): Map<number, string[]> {
  const codes = new Map<number, string[]>();
  const add = (status: number, ...more: string[]) =>
    codes.set(status, [...(codes.get(status) ?? []), ...more]);
  for (const [status, own] of Object.entries(route.doc?.errors ?? {})) add(Number(status), ...own);
  const hasQuery = (operation.parameters ?? []).some((p) => p.in === 'query');
  if (hasQuery || operation.requestBody) add(400, PLATFORM_ERROR_CODES.validation);
  // Fastify reads a body sent with these methods even when the route takes none.
  if (operation.requestBody || BODY_METHODS.has(method)) {
    add(400, PLATFORM_ERROR_CODES.unreadableBody);
    add(413, PLATFORM_ERROR_CODES.bodyTooLarge);
    add(415, PLATFORM_ERROR_CODES.unsupportedMediaType);
  }
  if (route.auth === 'bearer') add(401, ...PLATFORM_ERROR_CODES.token);
  if (route.auth === 'optional') add(401, ...PLATFORM_ERROR_CODES.optionalToken);
  if (route.roles.length > 0) add(403, PLATFORM_ERROR_CODES.role);
  add(500, PLATFORM_ERROR_CODES.internal);
  add(503, PLATFORM_ERROR_CODES.unavailable);
  return codes;
}
