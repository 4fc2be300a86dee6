import type { ModerationActionKind, OfferStatus } from '@app/contracts';

export interface ModeratedStatus {
  status: OfferStatus;
  statusBeforeModeration?: OfferStatus;
}

/**
 * The moderation table of docs/architecture.md for offers: hold → held, remove → suspended, keep and
 * restore → back to the status the hold or removal interrupted. An action that does not apply
 * (a second hold, keep without a hold, approve/reject) changes nothing and is still answered.
 */
export function offerStatusAfter(
  current: ModeratedStatus,
  action: ModerationActionKind,
): ModeratedStatus | undefined {
  const { status } = current;
  const sellerStatus = status !== 'held' && status !== 'suspended';
  switch (action) {
    case 'hold':
      return sellerStatus ? { status: 'held', statusBeforeModeration: status } : undefined;
    case 'remove':
      if (status === 'suspended') return undefined;
      return {
        status: 'suspended',
        statusBeforeModeration: sellerStatus ? status : current.statusBeforeModeration,
      };
    case 'keep':
      return status === 'held' ? { status: current.statusBeforeModeration ?? 'active' } : undefined;
    case 'restore':
      return status === 'suspended' ? { status: current.statusBeforeModeration ?? 'active' } : undefined;
    default:
      return undefined;
  }
}
