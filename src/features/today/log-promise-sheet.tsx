import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { Commitment } from '../../domain/charter/commitment';
import { describeDuration } from '../../domain/charter/commitment-text';
import { commitmentLabel, shortName } from '../../domain/charter/short-name';
import {
  instantOfLocalInput,
  localInputOfInstant,
  logPromise,
  recentFirst,
} from '../../domain/tracker/commands';
import type { CommandError } from '../../domain/tracker/commands';
import { ensureCustomer } from '../../persistence/customers';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { Sheet } from '../../components/sheet';
import { TextField } from '../../components/text-field';
import { useI18n } from '../../lib/i18n';
import { createId } from '../../lib/id';
import type { MessageKey } from '../../i18n/messages';
import './log-promise-sheet.css';

const QUICK_MINUTES = [10, 30, 60] as const;
const RECENT_CUSTOMERS = 6;
/** Commitments shown before "Show all": a few chips keep the customers and Record within reach. */
const FIRST_CHOICES = 4;

/** A commitment of one charter; `key` names it among all charters (ids are only unique in a charter). */
type Choice = { key: string; commitment: Commitment; charterId: string; charterTitle: string };
const keyOf = (charterId: string, commitmentId: string) => `${charterId}/${commitmentId}`;

/**
 * Logging a promise in seconds: the most recently used commitment is already chosen (of `charterId`'s
 * when given: "Start logging promises" after publishing a charter), recent customers are one tap, the
 * words are optional, and "Record" saves. Open sheet → customer → Record: three taps.
 */
export function LogPromiseSheet({
  onClose,
  charterId,
}: {
  onClose: (message?: string) => void;
  charterId?: string | undefined;
}) {
  const workspace = useWorkspace();
  const { data } = useWorkspaceState();
  const { t, tm, formatDate } = useI18n();
  const listId = useId();
  const formId = useId();
  const calendar = workspace.settings.calendar;

  // Latest use of each commitment and customer, so the ones used most recently come first.
  const { choices, customers } = useMemo(() => {
    const lastCommitment = new Map<string, string>();
    const lastCustomer = new Map<string, string>();
    for (const r of data.deliveries.values()) {
      const key = keyOf(r.charterId, r.commitmentId);
      if ((lastCommitment.get(key) ?? '') < r.triggeredAt) lastCommitment.set(key, r.triggeredAt);
      if (r.customerId && (lastCustomer.get(r.customerId) ?? '') < r.triggeredAt)
        lastCustomer.set(r.customerId, r.triggeredAt);
    }
    const byId = new Map<string, Choice>();
    for (const charter of data.charters.values())
      for (const commitment of charter.commitments)
        byId.set(keyOf(charter.id, commitment.id), {
          key: keyOf(charter.id, commitment.id),
          commitment,
          charterId: charter.id,
          charterTitle: charter.title.trim() || t('charters.untitled'),
        });
    const active = [...data.customers.values()].filter((c) => !c.archived);
    return {
      choices: recentFirst([...byId.keys()], lastCommitment).map((id) => byId.get(id)!),
      customers: recentFirst(
        active.map((c) => c.id),
        new Map(active.map((c) => [c.id, lastCustomer.get(c.id) ?? c.updatedAt])),
      ).map((id) => data.customers.get(id)!),
    };
  }, [data, t]);

  // The charter asked for comes first, its most recently used commitment chosen; the rest by last use.
  const ordered = useMemo(
    () =>
      charterId === undefined
        ? choices
        : [
            ...choices.filter((c) => c.charterId === charterId),
            ...choices.filter((c) => c.charterId !== charterId),
          ],
    [choices, charterId],
  );
  const [choiceKey, setChoiceKey] = useState(() => ordered[0]?.key ?? '');
  const [allChoices, setAllChoices] = useState(false);
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [customerName, setCustomerName] = useState('');
  const [summary, setSummary] = useState('');
  const [due, setDue] = useState<'default' | `${number}` | 'custom'>('default');
  const [customDue, setCustomDue] = useState('');
  const [agreedDate, setAgreedDate] = useState('');
  // When the promise was made: now (empty), or an earlier time today ("HH:MM") when catching up.
  const [madeAt, setMadeAt] = useState('');
  const [madeAtOpen, setMadeAtOpen] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const chosen = ordered.find((c) => c.key === choiceKey) ?? ordered[0];
  const multipleCharters = new Set(choices.map((c) => c.charterId)).size > 1;

  if (!chosen) return null;
  const folded = !allChoices && ordered.length > FIRST_CHOICES + 1;
  const first = ordered.slice(0, FIRST_CHOICES);
  // Folded, the chosen commitment still shows (after the first few when it is further down).
  const shownChoices = !folded ? ordered : first.includes(chosen) ? first : [...first, chosen];
  const { commitment } = chosen;
  // Errors about the typed due time show on that field.
  const dueError =
    due === 'custom' && (error === 'due-before-made' || error === 'not-a-number') ? error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const nowMs = Date.now();
    const madeAtMs = madeAt
      ? instantOfLocalInput(`${localInputOfInstant(nowMs, calendar).slice(0, 10)}T${madeAt}`, calendar)
      : undefined;
    const minutes = due === 'custom' || due === 'default' ? undefined : Number(due);
    const dueAtMs = due === 'custom' ? instantOfLocalInput(customDue, calendar) : undefined;
    // Checked by the command before a new customer is made, so a refused record leaves nothing behind.
    const check = logPromise({
      id: 'check',
      charterId: chosen.charterId,
      commitment,
      customerId: null,
      summary,
      nowMs,
      calendar,
      agreedDate: commitment.kind === 'by-date' && due === 'default' ? agreedDate || undefined : undefined,
      minutes,
      dueAtMs,
      madeAtMs,
    });
    if (!check.ok) return setError(check.error);
    const typed = customerName.trim();
    const id = customerId ?? ensureCustomer(workspace, typed, new Date(nowMs).toISOString(), createId);
    const result = logPromise({
      id: createId(),
      charterId: chosen.charterId,
      commitment,
      customerId: id,
      summary,
      nowMs,
      calendar,
      agreedDate: commitment.kind === 'by-date' && due === 'default' ? agreedDate || undefined : undefined,
      minutes,
      dueAtMs,
      madeAtMs,
    });
    if (!result.ok) return setError(result.error);
    workspace.put('deliveries', result.value);
    const who = id ? (data.customers.get(id)?.name ?? typed) : '';
    onClose(
      t('today.logged', {
        summary: [who, result.value.summary].filter(Boolean).join(' — '),
        due: t('today.due', { time: formatDate(result.value.dueAt, 'datetime') }),
      }),
    );
  };

  return (
    // A stray tap outside must not throw away what was typed: Escape, × or Cancel close it.
    <Sheet
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('today.log.title')}
      isDismissable={false}
      actions={
        <>
          <button type="button" className="button" onClick={() => onClose()}>
            {t('today.log.cancel')}
          </button>
          <button type="submit" form={formId} className="button button--primary">
            {t('today.log.submit')}
          </button>
        </>
      }
    >
      <form id={formId} className="log-sheet" onSubmit={submit} noValidate>
        <fieldset className="chips">
          <legend>{t('today.log.commitment')}</legend>
          {shownChoices.map((c) => (
            <label key={c.key} className="chip">
              <input
                type="radio"
                name="commitment"
                value={c.key}
                checked={c.key === chosen.key}
                onChange={() => setChoiceKey(c.key)}
              />
              <span>
                {commitmentLabel(c.commitment) || t(`commitments.kinds.${c.commitment.kind}` as MessageKey)}
                {(c.commitment.kind === 'within' || c.commitment.kind === 'done') && (
                  <span className="chip__detail">
                    {' '}
                    · {tm(describeDuration(c.commitment.promised, c.commitment.businessTime))}
                  </span>
                )}
                {multipleCharters && <span className="chip__detail"> · {shortName(c.charterTitle)}</span>}
              </span>
            </label>
          ))}
          {folded && (
            <button type="button" className="chip-more" onClick={() => setAllChoices(true)}>
              {t('today.showAll', { n: ordered.length })}
            </button>
          )}
        </fieldset>
        <fieldset className="chips">
          <legend>{t('today.log.customer')}</legend>
          {customers.slice(0, RECENT_CUSTOMERS).map((c) => (
            <label key={c.id} className="chip">
              <input
                type="radio"
                name="customer"
                value={c.id}
                checked={customerId === c.id}
                onChange={() => {
                  setCustomerId(c.id);
                  setCustomerName('');
                }}
              />
              <span>{c.name}</span>
            </label>
          ))}
          <TextField
            label={t('today.log.newCustomer')}
            list={listId}
            value={customerName}
            maxLength={120}
            autoComplete="off"
            onChange={(e) => {
              setCustomerName(e.target.value);
              setCustomerId(null);
            }}
          />
          <datalist id={listId}>
            {customers.map((c) => (
              <option key={c.id} value={c.name} />
            ))}
          </datalist>
        </fieldset>
        <TextField
          label={t('today.log.summary')}
          value={summary}
          maxLength={300}
          onChange={(e) => setSummary(e.target.value)}
        />
        <fieldset className="chips">
          <legend>{t('today.log.due')}</legend>
          {(['default', ...QUICK_MINUTES.map((m) => `${m}` as const), 'custom'] as const).map((option) => (
            <label key={option} className="chip">
              <input
                type="radio"
                name="due"
                value={option}
                checked={due === option}
                onChange={() => {
                  setDue(option);
                  setError(null);
                  if (option === 'custom' && !customDue)
                    setCustomDue(localInputOfInstant(Date.now() + 3_600_000, calendar));
                }}
              />
              <span>
                {option === 'default'
                  ? t('today.log.dueDefault')
                  : option === 'custom'
                    ? t('today.log.dueCustom')
                    : t('today.log.dueIn', { minutes: option })}
              </span>
            </label>
          ))}
          {due === 'default' && commitment.kind === 'by-date' && (
            <TextField
              label={t('today.log.agreedDate')}
              type="date"
              value={agreedDate}
              onChange={(e) => setAgreedDate(e.target.value)}
              error={error === 'needs-agreed-date' ? t('today.errors.needs-agreed-date') : undefined}
            />
          )}
          {due === 'custom' && (
            <TextField
              label={t('today.log.dueCustomLabel')}
              type="datetime-local"
              value={customDue}
              onChange={(e) => {
                setCustomDue(e.target.value);
                setError(null);
              }}
              error={dueError ? t(`today.errors.${dueError}`) : undefined}
            />
          )}
        </fieldset>
        {/* Secondary: most promises are logged as they are made; this is for catching up later. */}
        <div className="log-sheet__made">
          <button
            type="button"
            className="chip-more"
            aria-expanded={madeAtOpen}
            onClick={() => setMadeAtOpen(!madeAtOpen)}
          >
            {madeAt ? t('today.log.madeAtEarlier', { time: madeAt }) : t('today.log.madeAtNow')}
          </button>
          {madeAtOpen && (
            <TextField
              label={t('today.log.madeAtLabel')}
              type="time"
              value={madeAt}
              onChange={(e) => {
                setMadeAt(e.target.value);
                setError(null);
              }}
              error={error === 'made-in-future' ? t('today.errors.made-in-future') : undefined}
            />
          )}
        </div>
        {error &&
          error !== 'needs-agreed-date' &&
          error !== dueError &&
          !(madeAtOpen && error === 'made-in-future') && (
            <p className="field__error" role="alert">
              {t(`today.errors.${error}` as MessageKey)}
            </p>
          )}
      </form>
    </Sheet>
  );
}
