import type { MessageKey } from '../../i18n/messages';
import type { Translate } from '../../lib/i18n';

/** [value, label] pairs for a select, labelled from `prefix.value` message keys. */
export function optionsOf(t: Translate, prefix: string, values: readonly string[]): [string, string][] {
  return values.map((v) => [v, t(`${prefix}.${v}` as MessageKey)]);
}

export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export const CHANNELS = ['call', 'sms', 'email', 'visit', 'messenger', 'letter'] as const;
export const KINDS = ['within', 'by-date', 'amount', 'done'] as const;
export const AUDIENCES = ['everyone', 'new-customers', 'existing-customers', 'business-customers'] as const;
export const AMOUNT_UNITS = ['KRW', 'USD', 'EUR', 'JPY', 'count', 'percent'] as const;
export const PERIODS = ['per-deal', 'per-month', 'per-quarter', 'per-year'] as const;
export const MOMENT_KINDS = [
  'order-received',
  'progress-update',
  'shipped',
  'delivered',
  'first-use',
  'care-tips',
  'maintenance-reminder',
  'referral-ask',
  'anniversary',
  'custom',
] as const;
