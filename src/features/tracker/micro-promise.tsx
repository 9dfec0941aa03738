import { useState } from 'react';
import type { Charter } from '../../domain/charter/charter';
import { commitmentLabel } from '../../domain/charter/short-name';
import { effectiveDueMs } from '../../domain/tracker/status';
import type { Customer, DeliveryRecord } from '../../domain/tracker/tracker';
import { ComboBox } from '../../components/combo-box';
import { useI18n } from '../../lib/i18n';
import { useNow } from '../../lib/use-now';
import { spokenDuration } from '../../lib/spoken-duration';

/** Promises whose whole window is at most this long get a live timer instead of a place in the list. */
export const MICRO_WINDOW_MS = 60 * 60_000;

const PRESETS = [5, 10, 15, 30, 60] as const;

/**
 * Whether `record` is a short promise still running: not done, and its trigger to the due that counts (a new
 * due agreed in time included) is at most `MICRO_WINDOW_MS`.
 */
export function isMicro(record: DeliveryRecord): boolean {
  return (
    record.doneAt === null &&
    record.actual === null &&
    effectiveDueMs(record) - Date.parse(record.triggeredAt) <= MICRO_WINDOW_MS
  );
}

/**
 * "I'll call you back in 10 minutes": one press starts the promise and its timer, one press closes it.
 * The record is logged against a time commitment of the charter with the spoken due time.
 */
export function MicroPromises({
  charter,
  customers,
  running,
  onStart,
  onDone,
}: {
  charter: Charter;
  customers: readonly Customer[];
  running: readonly { record: DeliveryRecord; customer: string }[];
  onStart: (input: { commitmentId: string; customer: string; minutes: number; summary: string }) => void;
  onDone: (record: DeliveryRecord) => void;
}) {
  const { t } = useI18n();
  const timeCommitments = charter.commitments.filter((c) => c.kind !== 'amount');
  const [commitmentId, setCommitmentId] = useState(timeCommitments[0]?.id ?? '');
  const [customer, setCustomer] = useState('');
  if (timeCommitments.length === 0) return null;
  const chosen = timeCommitments.find((c) => c.id === commitmentId) ?? timeCommitments[0]!;
  return (
    <section aria-labelledby="micro-title" className="form">
      <h2 id="micro-title">{t('tracker.micro.title')}</h2>
      <p className="form__intro">{t('tracker.micro.intro')}</p>
      <div className="grid-2">
        <ComboBox
          label={t('tracker.micro.countsFor')}
          options={timeCommitments.map((c) => ({ id: c.id, label: commitmentLabel(c) }))}
          selectedKey={chosen.id}
          onSelectionChange={(id) => id && setCommitmentId(id)}
        />
        <ComboBox
          label={t('tracker.micro.customer')}
          options={customers.map((c) => ({ id: c.id, label: c.name }))}
          selectedKey={customers.find((c) => c.name === customer)?.id ?? null}
          onSelectionChange={(id) => {
            const picked = customers.find((c) => c.id === id);
            if (picked) setCustomer(picked.name);
          }}
          inputValue={customer}
          onInputChange={(text) => setCustomer(text.slice(0, 120))}
          allowsCustomValue
        />
      </div>
      <div className="group__actions" role="group" aria-label={t('tracker.micro.startLabel')}>
        {PRESETS.map((minutes) => (
          <button
            key={minutes}
            type="button"
            className="button"
            onClick={() => {
              onStart({
                commitmentId: chosen.id,
                customer,
                minutes,
                summary: t('tracker.micro.summary', { minutes }),
              });
              setCustomer('');
            }}
          >
            {t('tracker.micro.start', { minutes })}
          </button>
        ))}
      </div>
      {running.length > 0 && <RunningTimers running={running} onDone={onDone} />}
    </section>
  );
}

function RunningTimers({
  running,
  onDone,
}: {
  running: readonly { record: DeliveryRecord; customer: string }[];
  onDone: (record: DeliveryRecord) => void;
}) {
  const { t } = useI18n();
  const now = useNow(1000);
  return (
    <ul className="record-list" aria-label={t('tracker.micro.running')}>
      {running.map(({ record, customer }) => {
        // The due that counts: a new due agreed in time moves the timer's end (as on Today).
        const left = effectiveDueMs(record) - now;
        const label = [customer, record.summary].filter(Boolean).join(' — ');
        return (
          <li key={record.id} className={`record micro ${left < 0 ? 'record--overdue' : ''}`}>
            <span>{label}</span>{' '}
            <strong role="timer" className="micro__clock">
              {left >= 0
                ? t('today.left', { time: spokenDuration(left, 'left', t) })
                : t('today.late', { time: spokenDuration(-left, 'late', t) })}
            </strong>{' '}
            <button
              type="button"
              className="button button--primary"
              aria-label={t('tracker.micro.doneLabel', { what: label })}
              onClick={() => onDone(record)}
            >
              {t('tracker.done')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
