// Its own module: the message builder brings the template filling and Korean particle rules, which the
// first page load does not need to list what is due.
import type { Charter } from '../charter/charter';
import { fillMessage } from '../charter/message';
import type { FillWords } from '../charter/message';
import type { TimelineStep } from './deal-timeline';
import type { Customer, Deal } from './tracker';

/**
 * The message of `step` for this customer and deal: the template with its placeholders filled, `{date}` with
 * the step's own date and `{delivery}` with the deal's handover date (both formatted by the caller), a missing
 * value with `words` (the catalogue's).
 */
export function stepMessage(
  step: TimelineStep,
  input: {
    customer: Customer | null;
    deal: Deal;
    charter: Charter;
    formattedDate: string;
    formattedDelivery?: string;
    words: FillWords;
  },
): string {
  return fillMessage(
    step.message,
    {
      customer: input.customer?.name ?? '',
      product: input.deal.product,
      date: input.formattedDate,
      delivery: input.formattedDelivery ?? '',
      owner: input.charter.owner.name,
    },
    input.words,
  );
}
