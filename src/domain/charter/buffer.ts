import type { Duration } from '../common';
import type { Commitment } from './commitment';
import { durationMinutes } from './commitment-text';
import { defaultBusinessCalendar, durationInBusinessMinutes } from '../tracker/business-calendar';
import type { BusinessCalendar } from '../tracker/business-calendar';

/**
 * Rule 5's buffer for one commitment: how much stricter the internal target is than the promise.
 * `share` is (promised − internal) ÷ promised for time windows (both in business minutes of `calendar`
 * when the commitment counts business time: a business day is its opening hours, not 24 hours) and at-most
 * amounts, (internal − promised) ÷ promised for at-least amounts; null when the promise is 0, and for
 * agreed dates, whose promise has no length to take a share of (their buffer is the lead itself, which
 * the internal target's sentence states: "2 business days before the agreed date").
 * `stricter` is true when the internal target is strictly stricter than the promise.
 */
export function commitmentBuffer(
  c: Commitment,
  calendar: BusinessCalendar = defaultBusinessCalendar,
): { stricter: boolean; share: number | null } {
  switch (c.kind) {
    case 'within':
    case 'done': {
      const minutes = (d: Duration) =>
        c.businessTime ? durationInBusinessMinutes(d, calendar) : durationMinutes(d);
      const promised = minutes(c.promised);
      const internal = minutes(c.internal);
      return { stricter: internal < promised, share: (promised - internal) / promised };
    }
    case 'by-date': {
      return { stricter: c.internalLead !== null && durationMinutes(c.internalLead) > 0, share: null };
    }
    case 'amount': {
      if (c.promised.unit !== c.internal.unit) return { stricter: false, share: null };
      const p = c.promised.value;
      const i = c.internal.value;
      const stricter = c.direction === 'at-most' ? i < p : i > p;
      if (p === 0) return { stricter, share: null };
      return { stricter, share: c.direction === 'at-most' ? (p - i) / p : (i - p) / p };
    }
  }
}
