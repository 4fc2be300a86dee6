import { Injectable, Logger } from '@nestjs/common';
import { buildEvent, ProductState } from '@app/contracts';
import {
  answerModerationAction,
  HandlerOutcome,
  ModeratedEntity,
  ModerationAction,
  moderationOutcome,
} from '@app/platform';
import { ProductRepository } from '../products/product.repository';
import { ProductDocument } from '../products/product.schema';
import { toProductState } from '../products/product-state';
import { nextVisibility } from './product-moderation-rules';

type Visibility = ProductState['visibility'];

/**
 * The catalog alone applies moderation actions about products. Each action is answered once with
 * a ProductModerated carrying the full state, whether or not it changed anything, in the same
 * atomic write that records the action id.
 */
@Injectable()
export class ProductModerationService {
  private readonly logger = new Logger(ProductModerationService.name);
  private readonly products: ModeratedEntity<ProductDocument, Visibility>;

  constructor(repository: ProductRepository) {
    this.products = {
      kind: 'product',
      find: (id) => repository.findForUpdate(id),
      answeredActionIds: (product) => product.moderationActionIds,
      transition: (product, action) => nextVisibility(product.visibility, action),
      write: async ({ entity, action, change, answeredActionIds }) =>
        (await repository.update({
          productId: entity._id,
          expectedVersion: entity.version,
          ...answerOf(entity, action, change, answeredActionIds),
        })) === 'updated',
    };
  }

  apply(action: ModerationAction): Promise<HandlerOutcome> {
    return answerModerationAction(this.products, action, this.logger);
  }
}

/** The fields to set and the ProductModerated answer of one moderation write. */
function answerOf(
  current: ProductDocument,
  action: ModerationAction,
  visibility: Visibility | undefined,
  moderationActionIds: string[],
) {
  const applied = visibility !== undefined;
  const version = current.version + 1;
  const now = new Date().toISOString();
  const moderation = applied
    ? {
        action: action.action,
        caseId: action.caseId,
        reasonCode: action.reasonCode,
        actionEventId: action.eventId,
        at: now,
      }
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
    correlationId: action.correlationId,
    causationId: action.eventId,
    payload: {
      product: toProductState(next),
      changedFields: applied ? ['visibility'] : [],
      moderation: moderationOutcome(action, applied),
    },
  });
  return {
    set: {
      visibility: next.visibility,
      updatedAt: now,
      moderationActionIds,
      ...(moderation ? { moderation } : {}),
    },
    events: [answer],
  };
}
