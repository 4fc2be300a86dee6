import { Controller, Get, HttpCode, Res, Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import type { AppConfig } from '../config/app-config';
import { HealthRegistry } from './health.registry';
import { ApiRoute } from '../openapi/api-route';
import { healthViewSchema, shuttingDownViewSchema } from './health-views';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get('live')
  @HttpCode(200)
  @ApiRoute({
    summary: 'The process is running and its event loop answers.',
    responses: { 200: { description: 'Live.', schema: z.object({ status: z.literal('up') }) } },
  })
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('ready')
  @ApiRoute({
    summary: 'The service can serve requests: its database answers. Kafka is not part of it.',
    responses: {
      200: { description: 'Ready.', schema: healthViewSchema },
      503: {
        description: 'Not ready, or shutting down.',
        schema: z.union([healthViewSchema, shuttingDownViewSchema]),
      },
    },
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<object> {
    if (this.registry.isShuttingDown()) {
      void reply.status(503);
      return { status: 'down', reason: 'shutting down' };
    }
    const components = await this.registry.check(true);
    const up = Object.values(components).every((c) => c.status === 'up');
    void reply.status(up ? 200 : 503);
    return { status: up ? 'up' : 'down', components };
  }
}

/**
 * `/health/details` names the database, the brokers and the consumer groups: useful to operators,
 * not to the public. A deployment that closes it (`HEALTH_DETAILS_ENABLED=false`) does not register
 * this controller, so the path answers like any unknown route.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthDetailsController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get('details')
  @ApiRoute({
    summary: 'Every component: database, Kafka, consumers, outbox backlog, dead letters.',
    responses: {
      200: { description: 'Each component and whether the service is ready.', schema: healthViewSchema },
    },
  })
  async details(): Promise<object> {
    const components = await this.registry.check(false);
    const critical = await this.registry.check(true);
    const ready = !this.registry.isShuttingDown() && Object.values(critical).every((c) => c.status === 'up');
    return { status: ready ? 'up' : 'down', components };
  }
}

/** The health controllers a service registers, by its configuration. */
export function healthControllers(config: Pick<AppConfig, 'healthDetailsEnabled'>): Type[] {
  return config.healthDetailsEnabled ? [HealthController, HealthDetailsController] : [HealthController];
}
