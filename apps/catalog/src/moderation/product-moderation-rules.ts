import type { ModerationActionKind, ProductState } from '@app/contracts';

type Visibility = ProductState['visibility'];

/**
 * What a moderation action does to a product's visibility (docs/architecture.md, "Moderation
 * actions by target"): hold hides until a decision; keep releases a hold; remove hides with a
 * reason; restore (appeal upheld) shows a removed product again. Approve and reject are for reviews
 * only. Undefined means the action changes nothing here (it is still answered, `applied: false`).
 */
export function nextVisibility(current: Visibility, action: ModerationActionKind): Visibility | undefined {
  switch (action) {
    case 'hold':
      // A removed product stays removed: a later report cannot turn a removal into a mere hold.
      return current === 'visible' ? 'held' : undefined;
    case 'keep':
      return current === 'held' ? 'visible' : undefined;
    case 'remove':
      return current === 'removed' ? undefined : 'removed';
    case 'restore':
      return current === 'removed' ? 'visible' : undefined;
    default:
      return undefined;
  }
}
