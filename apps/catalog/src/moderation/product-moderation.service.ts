import { Injectable, Logger } from '@nestjs/common';
import { APPLIED_EVENT_MEMORY, HandlerOutcome } from '@app/platform';
import { buildEvent, EventEnvelope, ModerationActionKind } from '@app/contracts';
import { ProductRepository } from '../products/product.repository';
import { ProductDocument } from '../products/product.schema';
import { toProductState } from '../products/product-state';
import { nextVisibility } from './product-moderation.rules';

type ActionEvent = EventEnvelope<'HoldPlaced'> | EventEnvelope<'DecisionMade'>;

/** Lost races with editors' writes before giving up (the transport then retries the event). */
const WRITE_ATTEMPTS = 10;

/**
 * The catalog alone applies moderation actions about products. Each action is answered with a
 * ProductModerated carrying the full state, whether or not it changed anything, in the same
 * atomic write that records the action id (so a redelivery is recognised and answered as such).
 */
@Injectable()
export class ProductModerationService {
  private readonly logger = new Logger(ProductModerationService.name);

  constructor(private readonly products: ProductRepository) {}

  async apply(event: ActionEvent): Promise<HandlerOutcome> {
    const { target, caseId, reasonCode } = event.payload;
    if (target.type !== 'product') return 'skipped-irrelevant';
    const action: ModerationActionKind = event.type === 'HoldPlaced' ? 'hold' : event.payload.decision;
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
      const current = await this.products.findForUpdate(target.id);
      if (!current) {
        this.logger.warn(
          { productId: target.id, actionEventId: event.eventId },
          'moderation action for an unknown product',
        );
        return 'skipped-irrelevant';
      }
      const duplicate = current.moderationActionIds.includes(event.eventId);
      const visibility = duplicate ? undefined : nextVisibility(current.visibility, action);
      const written = await this.answer({ current, event, action, caseId, reasonCode, visibility });
      if (written) return duplicate ? 'skipped-duplicate' : 'applied';
    }
    throw new Error(`product ${target.id} kept changing while applying moderation action ${event.eventId}`);
  }

  private async answer(input: {
    current: ProductDocument;
    event: ActionEvent;
    action: ModerationActionKind;
    caseId: string;
    reasonCode: string;
    visibility: ProductDocument['visibility'] | undefined;
  }): Promise<boolean> {
    const { current, event, action, visibility } = input;
    const applied = visibility !== undefined;
    const version = current.version + 1;
    const now = new Date().toISOString();
    const moderation = applied
      ? { action, caseId: input.caseId, reasonCode: input.reasonCode, actionEventId: event.eventId, at: now }
      : current.moderation;
    const next: ProductDocument = {
      ...current,
      visibility: visibility ?? current.visibility,
      updatedAt: now,
      version,
    };
    const answer = buildEvent('ProductModerated', {
      aggregateId: current._id,
      aggregateVersion: version,
      correlationId: event.correlationId,
      causationId: event.eventId,
      payload: {
        product: toProductState(next),
        changedFields: applied ? ['visibility'] : [],
        moderation: {
          action,
          actionEventId: event.eventId,
          caseId: input.caseId,
          applied,
          reasonCode: input.reasonCode,
        },
      },
    });
    const remembered = current.moderationActionIds.includes(event.eventId)
      ? current.moderationActionIds
      : [...current.moderationActionIds, event.eventId].slice(-APPLIED_EVENT_MEMORY);
    const outcome = await this.products.update({
      productId: current._id,
      expectedVersion: current.version,
      set: {
        visibility: next.visibility,
        updatedAt: now,
        moderationActionIds: remembered,
        ...(moderation ? { moderation } : {}),
      },
      events: [answer],
    });
    return outcome === 'updated';
  }
}
