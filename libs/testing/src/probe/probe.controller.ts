import { Controller, Param, Post } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ConsumerGroup, EventEnvelope } from '@app/contracts';
import { EventContext, HandlerOutcome, OnEvent, Public } from '@app/platform';
import { ProbeService } from './probe.service';

/** HTTP for probe processes the fault tests start and kill; events in from the offers topic. */
@Public()
@Controller('probe')
export class ProbeController {
  constructor(private readonly probe: ProbeService) {}

  @Post('items/:id')
  async write(@Param('id') id: string): Promise<{ version: number }> {
    return { version: await this.probe.write(id) };
  }

  @OnEvent(ConsumerGroup.OffersSummaryBuilder, 'OfferListed')
  onListed(
    @Payload() event: EventEnvelope<'OfferListed'>,
    @Ctx() _context: EventContext,
  ): Promise<HandlerOutcome> {
    return this.probe.handle(event);
  }

  @OnEvent(ConsumerGroup.OffersSummaryBuilder, 'OfferUpdated')
  onUpdated(@Payload() event: EventEnvelope<'OfferUpdated'>): Promise<HandlerOutcome> {
    return this.probe.handle(event);
  }
}
