import { Suspense, lazy, useState } from 'react';
import {
  completePromise,
  instantOfLocalInput,
  localInputOfInstant,
  markRecoveryStep,
  openRecovery,
  renegotiatePromise,
} from '../../domain/tracker/commands';
import type { CommandError } from '../../domain/tracker/commands';
import { isRunningTimer } from '../../domain/tracker/reminders';
import { canRenegotiateAt, recordStatus } from '../../domain/tracker/status';
import type { TodayItem } from '../../domain/tracker/today';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { TextField } from '../../components/text-field';
import { NumberField } from '../../components/fields';
import { useI18n, whenMessagesComplete } from '../../lib/i18n';
import { createId } from '../../lib/id';
import type { MessageKey } from '../../i18n/messages';
import { spokenDuration } from '../../lib/spoken-duration';
import { todayItemId } from './item-id';
import { hrefOf } from '../../lib/routes';

// Moments and follow-ups bring the message builder (and its Korean particle rules): loaded when Today
// has one, and precached for offline use like every chunk.
// It waits for the whole catalogue too: the first page load fetched only the first screen's messages.
const StepItem = lazy(() =>
  Promise.all([import('./today-step-item'), whenMessagesComplete()]).then(([m]) => ({ default: m.StepItem })),
);

/** A confirmation shown on Today, with at most one action (e.g. Undo). */
export type TodayNotice = { text: string; action?: { label: string; run: () => void } };

type Props = {
  item: TodayItem;
  nowMs: number;
  hasRecovery: boolean;
  onNotice: (notice: TodayNotice) => void;
};

/** One thing to do today: what, for whom, when, and the action that settles it in one tap. */
export function TodayItemCard({ item, nowMs, hasRecovery, onNotice }: Props) {
  const { t } = useI18n();
  return (
    <li id={todayItemId(item.key)} tabIndex={-1} className={`today-item today-item--${item.urgency}`}>
      <p className="today-item__meta">{t(`today.kinds.${item.kind}`)}</p>
      {item.kind === 'promise' ? (
        <PromiseItem item={item} nowMs={nowMs} hasRecovery={hasRecovery} onNotice={onNotice} />
      ) : item.kind === 'recovery' ? (
        <RecoveryItem item={item} />
      ) : (
        <Suspense fallback={null}>
          <StepItem item={item} onNotice={onNotice} />
        </Suspense>
      )}
    </li>
  );
}

function useCustomerName(id: string | null): string {
  const { data } = useWorkspaceState();
  return id ? (data.customers.get(id)?.name ?? '') : '';
}

function PromiseItem({
  item,
  nowMs,
  hasRecovery: hasCase,
  onNotice,
}: Props & { item: Extract<TodayItem, { kind: 'promise' }> }) {
  const workspace = useWorkspace();
  const { data } = useWorkspaceState();
  const { t, formatDate } = useI18n();
  const { record, commitment } = item;
  const customer = useCustomerName(record.customerId);
  const calendar = workspace.settings.calendar;
  const [panel, setPanel] = useState<'none' | 'done-at' | 'renegotiate'>('none');
  const [when, setWhen] = useState('');
  const [actual, setActual] = useState('');
  const [error, setError] = useState<CommandError | null>(null);
  const what = [customer, record.summary].filter(Boolean).join(' — ');
  const isTimer = isRunningTimer(record);
  const left = item.dueMs - nowMs;

  const close = (doneAtMs?: number) => {
    const now = Date.now();
    const result = completePromise(record, {
      nowMs: now,
      ...(doneAtMs === undefined ? {} : { doneAtMs }),
      actual: commitment.kind === 'amount' ? Number(actual) : null,
    });
    if (!result.ok) return setError(result.error);
    workspace.put('deliveries', result.value);
    const { status } = recordStatus(result.value, commitment, now, {
      atRiskShare: workspace.settings.atRiskShare,
      calendar,
    });
    if (status === 'missed') {
      const charter = data.charters.get(record.charterId);
      if (charter && !hasCase)
        workspace.put(
          'recoveryCases',
          openRecovery({ id: createId(), record: result.value, commitment, charter, nowMs: now }),
        );
      onNotice({ text: t('today.recoveryOpened') });
    } else onNotice({ text: t(status === 'over-delivered' ? 'tracker.overDelivered' : 'tracker.kept') });
  };

  const renegotiate = () => {
    const result = renegotiatePromise(record, instantOfLocalInput(when, calendar), Date.now());
    if (!result.ok) return setError(result.error);
    workspace.put('deliveries', result.value);
    setPanel('none');
  };

  const startRecovery = () => {
    const charter = data.charters.get(record.charterId);
    if (!charter) return;
    workspace.put(
      'recoveryCases',
      openRecovery({ id: createId(), record, commitment, charter, nowMs: Date.now() }),
    );
    onNotice({ text: t('today.recoveryOpened') });
  };
  const amountReady = actual !== '' && Number.isFinite(Number(actual)) && Number(actual) >= 0;

  return (
    <>
      <p className="today-item__what">{what || commitment.what}</p>
      <p className="today-item__when">
        {isTimer ? (
          <strong role="timer" className="micro__clock">
            {left >= 0
              ? t('today.left', { time: spokenDuration(left, 'left', t) })
              : t('today.late', { time: spokenDuration(-left, 'late', t) })}
          </strong>
        ) : (
          t('today.due', { time: formatDate(new Date(item.dueMs).toISOString(), 'datetime') })
        )}
      </p>
      <div className="today-item__actions">
        {commitment.kind === 'amount' ? (
          <>
            <NumberField
              label={t('today.actual')}
              min={0}
              step="any"
              inputMode="decimal"
              value={actual}
              onChange={(e) => setActual(e.target.value)}
            />
            <button
              type="button"
              className="button button--primary"
              // Focusable while it waits, so a screen reader reaches it and hears why (the note below).
              aria-disabled={amountReady ? undefined : true}
              aria-describedby={amountReady ? undefined : `${record.id}-why`}
              onClick={() => {
                if (amountReady) close();
              }}
            >
              {t('today.record')}
            </button>
            {!amountReady && (
              <p id={`${record.id}-why`} className="note">
                {t('tracker.actualFirst')}
              </p>
            )}
          </>
        ) : (
          <button
            type="button"
            className="button button--primary"
            aria-label={t('today.doneLabel', { what: what || commitment.what })}
            onClick={() => close()}
          >
            {t('today.done')}
          </button>
        )}
        {commitment.kind !== 'amount' && (
          <button
            type="button"
            className="button"
            aria-expanded={panel === 'done-at'}
            aria-label={t('today.doneAtFor', { what: what || commitment.what })}
            onClick={() => {
              setWhen(localInputOfInstant(Date.now(), calendar));
              setPanel(panel === 'done-at' ? 'none' : 'done-at');
            }}
          >
            {t('today.doneAt')}
          </button>
        )}
        {canRenegotiateAt(record, nowMs) && (
          <button
            type="button"
            className="button"
            aria-expanded={panel === 'renegotiate'}
            aria-label={t('today.renegotiateFor', { what: what || commitment.what })}
            onClick={() => {
              setWhen(localInputOfInstant(item.dueMs + 3_600_000, calendar));
              setPanel(panel === 'renegotiate' ? 'none' : 'renegotiate');
            }}
          >
            {t('today.renegotiate')}
          </button>
        )}
        {item.urgency === 'overdue' && !hasCase && (
          <button type="button" className="button button--danger" onClick={startRecovery}>
            {t('today.openRecovery')}
          </button>
        )}
      </div>
      {panel !== 'none' && (
        <div className="today-item__panel">
          <TextField
            label={t(panel === 'done-at' ? 'today.doneAtLabel' : 'today.newDue')}
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            error={error ? t(`today.errors.${error}` as MessageKey) : undefined}
          />
          <button
            type="button"
            className="button button--primary"
            onClick={() => (panel === 'done-at' ? close(instantOfLocalInput(when, calendar)) : renegotiate())}
          >
            {t(panel === 'done-at' ? 'today.saveDoneAt' : 'today.saveNewDue')}
          </button>
        </div>
      )}
      {error && panel === 'none' && (
        <p className="field__error" role="alert">
          {t(`today.errors.${error}` as MessageKey)}
        </p>
      )}
    </>
  );
}

function RecoveryItem({ item }: { item: Extract<TodayItem, { kind: 'recovery' }> }) {
  const workspace = useWorkspace();
  const { data } = useWorkspaceState();
  const { t, formatDate } = useI18n();
  const customer = useCustomerName(item.record.customerId);
  const charter = data.charters.get(item.record.charterId);
  const step = charter?.recovery.steps.find((s) => s.id === item.stepId);
  const about = [customer, item.record.summary].filter(Boolean).join(' — ');
  return (
    <>
      <p className="today-item__what">{step?.action ?? ''}</p>
      <p className="note">{t('today.recoveryFor', { summary: about })}</p>
      <p className="today-item__when">
        {t('today.due', { time: formatDate(new Date(item.dueMs).toISOString(), 'datetime') })}
      </p>
      <div className="today-item__actions">
        <button
          type="button"
          className="button button--primary"
          aria-label={t('today.stepDoneFor', {
            what: [step?.action ?? '', about].filter(Boolean).join(' — '),
          })}
          onClick={() => {
            const latest =
              workspace.getState().data.recoveryCases.get(item.recoveryCase.id) ?? item.recoveryCase;
            workspace.put('recoveryCases', markRecoveryStep(latest, item.stepId, true, Date.now()));
          }}
        >
          {t('today.stepDone')}
        </button>
        <a className="button" href={hrefOf({ name: 'tracker' })}>
          {t('today.openRecovery')}
        </a>
      </div>
    </>
  );
}
