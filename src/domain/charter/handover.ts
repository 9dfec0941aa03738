import { z } from 'zod';
import { message } from '../text/message';
import type { Message } from '../text/message';

/**
 * The event the after-sale timeline counts from, named as the trade names it: a car's delivery, an
 * appliance's or a machine's installation, a home's move-in or closing (잔금), a system's go-live, an
 * insurance policy's delivery (the free-look period counts from it). Signing is not one: it is the other
 * anchor a moment may count from (the won deal, "계약").
 */
export const handoverSchema = z.enum([
  'delivery',
  'installation',
  'move-in',
  'closing',
  'go-live',
  'policy-delivery',
]);
export type Handover = z.infer<typeof handoverSchema>;
/** What a charter counts from when it does not say (and what every charter before schema 5 counted from). */
export const defaultHandover: Handover = 'delivery';

/** Every handover, in the order the editor offers them. */
export const HANDOVERS = handoverSchema.options;

/** The handover as the trade says it: "입주" / "move-in", "오픈" / "go-live". */
export function handoverName(handover: Handover): Message {
  return message(`handoverName.${handover}`);
}

/** The handover's day as the trade says it: "입주일" / "move-in date", "오픈일" / "go-live date". */
export function handoverDayName(handover: Handover): Message {
  return message(`handoverDay.${handover}`);
}

/** What a moment's timing is counted from: the won deal, or the charter's handover. */
type Timing = { anchor: 'deal-won' | 'delivery'; offsetDays: number };

/** When a moment happens, in words: "입주 7일 후", "계약 당일", "3 days before go-live", "On the day of signing". */
export function momentWhen(moment: Timing, handover: Handover): Message {
  const from = moment.anchor === 'deal-won' ? message('momentWhen.signing') : handoverName(handover);
  const days = Math.abs(moment.offsetDays);
  if (days === 0) return message('momentWhen.sameDay', { from });
  return message(moment.offsetDays > 0 ? 'momentWhen.after' : 'momentWhen.before', { days, from });
}

/** `moments` in time order: those counted from the won deal first, then from the handover, by days. */
export function momentsInOrder<M extends Timing>(moments: readonly M[]): M[] {
  const rank = (m: M) => (m.anchor === 'deal-won' ? 0 : 1);
  return [...moments].sort((a, b) => rank(a) - rank(b) || a.offsetDays - b.offsetDays);
}
