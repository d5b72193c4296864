/** Auto-publish: whether a Ready item publishes on its own (pure, re-derived by the sweep). */
import type { PublishingSettings } from '../../../shared/contracts/publishing';

/**
 * Whether a Ready item publishes on its own: a payment method's setting wins over the supplier's;
 * in "all" mode every item does except the listed suppliers.
 */
export function autoPublishes(input: {
  readonly mode: PublishingSettings['autoPublish'];
  readonly exceptContactIds: readonly string[];
  readonly contactId: string | null;
  readonly contactAutoPublish: boolean;
  readonly paymentMethodAutoPublish: boolean | null;
}): boolean {
  if (input.mode === 'off') return false;
  if (input.paymentMethodAutoPublish !== null) return input.paymentMethodAutoPublish;
  if (input.mode === 'all')
    return input.contactId === null || !input.exceptContactIds.includes(input.contactId);
  return input.contactAutoPublish;
}
