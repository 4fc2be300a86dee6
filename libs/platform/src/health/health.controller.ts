import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { HealthRegistry } from './health.registry';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is running and its event loop answers.' })
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'The service can serve requests: its database answers. Kafka is not part of it.' })
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

  @Get('details')
  @ApiOperation({ summary: 'Every component: database, Kafka, consumers, outbox backlog, dead letters.' })
  async details(): Promise<object> {
    const components = await this.registry.check(false);
    const critical = await this.registry.check(true);
    const ready = !this.registry.isShuttingDown() && Object.values(critical).every((c) => c.status === 'up');
    return { status: ready ? 'up' : 'down', components };
  }
}
