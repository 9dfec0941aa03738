import type { Duration } from '../common';
import type { Commitment } from './commitment';
import { durationMinutes } from './commitment-text';
import { defaultBusinessCalendar, durationInBusinessMinutes } from '../tracker/business-calendar';
import type { BusinessCalendar } from '../tracker/business-calendar';

/**
 * Rule 5's buffer for one commitment: how much stricter the internal target is than the promise.
 * `share` is (promised − internal) ÷ promised for time windows (both in business minutes of `calendar`
 * when the commitment counts business time: a business day is its opening hours, not 24 hours) and at-most amounts, (internal − promised)
 * ÷ promised for at-least amounts, and lead ÷ (lead + 1 day) for agreed dates; null when the promise is 0.
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
      if (!c.internalLead) return { stricter: false, share: 0 };
      const lead = durationMinutes(c.internalLead);
      return { stricter: lead > 0, share: lead / (lead + 1_440) };
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
