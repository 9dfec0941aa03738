import type { Charter } from '../../domain/charter/charter';
import type { Locale } from '../../domain/common';
import { restore } from '../../domain/interchange/restore';
import type { RestoreError } from '../../domain/interchange/errors';
import { message } from '../../domain/text/message';

// Each template is its own lazily loaded chunk: nothing is fetched until the user picks one.
const loaders = import.meta.glob<unknown>('../../../templates/*.json', { import: 'default' });

export const TRADES = [
  'car-sales',
  'insurance-planner',
  'b2b-equipment',
  'real-estate',
  'saas-account-management',
  'electronics-retail',
] as const;
export type Trade = (typeof TRADES)[number];

/** The trades for which a template exists in `locale`. */
export function availableTrades(locale: Locale): Trade[] {
  return TRADES.filter((trade) => `../../../templates/${trade}.${locale}.json` in loaders);
}

/** The template charter for `trade` in `locale`, read through restore() like any other file. */
export async function loadTemplate(
  trade: Trade,
  locale: Locale,
): Promise<{ ok: true; charter: Charter } | { ok: false; errors: RestoreError[] }> {
  const load = loaders[`../../../templates/${trade}.${locale}.json`];
  if (!load)
    return {
      ok: false,
      errors: [{ path: '', message: message('restore.templateNotFound') }],
    };
  const result = restore(await load());
  if (!result.ok) return result;
  const charter = result.backup.charters[0];
  return charter
    ? { ok: true, charter }
    : { ok: false, errors: [{ path: 'charter', message: message('issue.missing') }] };
}
