import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError } from '../errors/domain-error';
import { AuthenticatedRequest, OPTIONAL_AUTH, PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { Role } from './claims';
import { TokenVerifier } from './token-verifier';

/** A route's auth rules, read from its decorators once: they never change after start. */
interface RouteAuth {
  readonly isPublic: boolean;
  readonly optional: boolean;
  readonly roles: readonly Role[] | undefined;
}

/**
 * Every HTTP route needs a valid bearer token unless marked `@Public()` or `@OptionalAuth()`;
 * `@Roles(...)` then narrows who may call it. Registered globally, so a new route is protected by
 * default.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /** By class, then handler: an inherited handler is shared by classes whose decorators differ. */
  private readonly rules = new WeakMap<object, WeakMap<object, RouteAuth>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rules = this.rulesOf(context);
    if (rules.isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const authorization = request.headers.authorization;
    if (rules.optional && !authorization) return true;
    return this.authenticate(request, authorization, rules.roles);
  }

  private async authenticate(
    request: AuthenticatedRequest,
    authorization: string | undefined,
    roles: readonly Role[] | undefined,
  ): Promise<boolean> {
    request.principal = await this.verifier.verify(authorization);
    if (roles?.length && !roles.some((role) => request.principal?.roles.includes(role))) {
      throw new ForbiddenError(
        'ROLE_REQUIRED',
        `This route is for ${roles.map((r) => `"${r}"`).join(' or ')} accounts; your token does not have that role.`,
      );
    }
    return true;
  }

  private rulesOf(context: ExecutionContext): RouteAuth {
    const handler = context.getHandler();
    const controller = context.getClass();
    let byHandler = this.rules.get(controller);
    const cached = byHandler?.get(handler);
    if (cached) return cached;
    const targets = [handler, controller];
    const rules: RouteAuth = {
      isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false,
      optional: this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH, targets) ?? false,
      roles: this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets),
    };
    if (!byHandler) {
      byHandler = new WeakMap();
      this.rules.set(controller, byHandler);
    }
    byHandler.set(handler, rules);
    return rules;
  }
}
