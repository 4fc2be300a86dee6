import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError } from '../errors/domain-error';
import { AuthenticatedRequest, OPTIONAL_AUTH, PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { Role } from './claims';
import { TokenVerifier } from './token-verifier';

/**
 * Every HTTP route needs a valid bearer token unless marked `@Public()` or `@OptionalAuth()`;
 * `@Roles(...)` then narrows who may call it. Registered globally, so a new route is protected by
 * default.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const authorization = request.headers.authorization;

    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    if (this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH, targets) && !authorization) return true;

    request.principal = await this.verifier.verify(authorization);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !roles.some((role) => request.principal?.roles.includes(role))) {
      throw new ForbiddenError(
        'ROLE_REQUIRED',
        `This route is for ${roles.map((r) => `"${r}"`).join(' or ')} accounts; your token does not have that role.`,
      );
    }
    return true;
  }
}
