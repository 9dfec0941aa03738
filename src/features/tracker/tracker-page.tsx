import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { Charter } from '../../domain/charter/charter';
import type { Commitment } from '../../domain/charter/commitment';
import { commitmentLabel } from '../../domain/charter/short-name';
import { canRenegotiateAt, effectiveDueMs } from '../../domain/tracker/status';
import type { RecordStatus } from '../../domain/tracker/status';
import type { Customer, DeliveryRecord } from '../../domain/tracker/tracker';
import {
  completePromise,
  instantOfLocalInput,
  logPromise,
  openRecovery as openRecoveryCase,
  renegotiatePromise,
} from '../../domain/tracker/commands';
import { ensureCustomer } from '../../persistence/customers';
import type { Workspace } from '../../persistence/workspace';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { ActionBar } from '../../components/action-bar';
import { ComboBox } from '../../components/combo-box';
import { FieldGroup, SelectField } from '../../components/fields';
import { NumberField } from '../../components/number-field';
import { TextField } from '../../components/text-field';
import { createId, nowIso } from '../../lib/id';
import { useI18n } from '../../lib/i18n';
import { useNow } from '../../lib/use-now';
import type { MessageKey } from '../../i18n/messages';
import { commitmentsOf, pickCharter, recordsOf, statusOf } from './tracker-model';
import { isMicro, MicroPromises } from './micro-promise';
import { RecoveryCases } from './recovery-cases';
import { hrefOf } from '../../lib/routes';

const STATUS_KEY: Record<RecordStatus, MessageKey> = {
  open: 'tracker.status.open',
  'at-risk': 'tracker.status.at-risk',
  overdue: 'tracker.status.overdue',
  kept: 'tracker.status.kept',
  'over-delivered': 'tracker.status.over-delivered',
  missed: 'tracker.status.missed',
};

/** The promise tracker: log promises, close them, renegotiate in time, and recover when one is missed. */
export function TrackerPage() {
  const { data } = useWorkspaceState();
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string | null>(null);
  const charter = pickCharter(data, chosen);
  const charters = [...data.charters.values()];

  return (
    <section className="page page--wide" aria-labelledby="tracker-title">
      <h1 id="tracker-title">{t('tracker.title')}</h1>
      <p className="page__intro">{t('tracker.intro')}</p>
      {!charter ? (
        <p className="empty">{t('tracker.noCharter')}</p>
      ) : (
        <>
          {charters.length > 1 && (
            <SelectField
              label={t('tracker.charter')}
              options={charters.map((c) => [c.id, c.title.trim() || t('charters.untitled')] as const)}
              value={charter.id}
              onChange={(e) => setChosen(e.target.value)}
            />
          )}
          <Tracker charter={charter} />
        </>
      )}
    </section>
  );
}

function Tracker({ charter }: { charter: Charter }) {
  const { data } = useWorkspaceState();
  const workspace = useWorkspace();
  const { t, formatDate } = useI18n();
  const now = useNow();
  const settings = workspace.settings;
  const commitments = useMemo(() => commitmentsOf(data, charter), [data, charter]);
  const records = useMemo(() => recordsOf(data, charter), [data, charter]);
  const cases = useMemo(() => [...data.recoveryCases.values()], [data.recoveryCases]);
  const caseByRecord = useMemo(() => new Map(cases.map((c) => [c.recordId, c])), [cases]);
  const caseOf = (record: DeliveryRecord) => caseByRecord.get(record.id);
  const customers = [...data.customers.values()].filter((c) => !c.archived);
  const customerName = (id: string | null) => (id ? (data.customers.get(id)?.name ?? '') : '');
  const withStatus = records.map((r) => ({ record: r, status: statusOf(r, commitments, now, settings) }));
  const openOnes = withStatus.filter(
    (x) => x.record.doneAt === null && x.record.actual === null && !isMicro(x.record),
  );
  const running = records
    .filter(isMicro)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .map((record) => ({ record, customer: customerName(record.customerId) }));
  const [notice, setNotice] = useState<string | null>(null);

  /** Opens the recovery case for a missed record, with the playbook steps that fit the miss. */
  const openRecovery = (record: DeliveryRecord, at: string) => {
    const commitment = commitments.get(record.commitmentId);
    if (caseOf(record) || !commitment) return;
    workspace.put(
      'recoveryCases',
      openRecoveryCase({ id: createId(), record, commitment, charter, nowMs: Date.parse(at) }),
    );
    setNotice(t('tracker.recoveryOpened'));
  };

  const close = (record: DeliveryRecord, actual: number | null) => {
    const nowMs = Date.now();
    const result = completePromise(record, { nowMs, actual });
    if (!result.ok) return setNotice(t(`today.errors.${result.error}`));
    workspace.put('deliveries', result.value);
    const status = statusOf(result.value, commitments, nowMs, settings);
    if (status?.status === 'missed') openRecovery(result.value, new Date(nowMs).toISOString());
    else setNotice(t(status?.status === 'over-delivered' ? 'tracker.overDelivered' : 'tracker.kept'));
  };

  return (
    <>
      {notice && (
        <p role="status" className="note">
          {notice}
        </p>
      )}
      <QuickAdd charter={charter} customers={customers} />
      <MicroPromises
        charter={charter}
        customers={customers}
        running={running}
        onStart={({ commitmentId, customer, minutes, summary }) => {
          const commitment = charter.commitments.find((c) => c.id === commitmentId);
          // The due is the time spoken to the customer, not the commitment's standing window.
          if (commitment) logNow(workspace, { charter, commitment, customer, summary, minutes });
        }}
        onDone={(record) => close(record, null)}
      />
      <section aria-labelledby="today-title" className="form">
        <h2 id="today-title">{t('tracker.today')}</h2>
        {openOnes.length === 0 ? (
          <p>{t('tracker.nothingOpen')}</p>
        ) : (
          <ul className="record-list">
            {openOnes
              .sort((a, b) => a.record.dueAt.localeCompare(b.record.dueAt))
              .map(({ record, status }) => (
                <OpenRecord
                  key={record.id}
                  record={record}
                  commitment={commitments.get(record.commitmentId) ?? null}
                  status={status?.status ?? 'open'}
                  customer={customerName(record.customerId)}
                  hasCase={Boolean(caseOf(record))}
                  canRenegotiate={canRenegotiateAt(record, now)}
                  onDone={(actual) => close(record, actual)}
                  onRenegotiate={(newDueAt) => {
                    const result = renegotiatePromise(record, Date.parse(newDueAt), Date.now());
                    if (result.ok) workspace.put('deliveries', result.value);
                    else setNotice(t(`today.errors.${result.error}`));
                  }}
                  onRecover={() => openRecovery(record, nowIso())}
                />
              ))}
          </ul>
        )}
      </section>
      <RecoveryCases
        charter={charter}
        cases={cases.filter(
          (c) => c.closedAt === null && data.deliveries.get(c.recordId)?.charterId === charter.id,
        )}
      />
      <section aria-labelledby="log-title" className="form">
        <h2 id="log-title">{t('tracker.log')}</h2>
        {records.length === 0 ? (
          <p>{t('tracker.empty')}</p>
        ) : (
          <table className="diff table-cards">
            <caption className="visually-hidden">{t('tracker.log')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tracker.when')}</th>
                <th scope="col">{t('tracker.customer')}</th>
                <th scope="col">{t('tracker.summary')}</th>
                <th scope="col">{t('tracker.due')}</th>
                <th scope="col">{t('tracker.statusLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {withStatus.slice(0, 50).map(({ record, status }) => (
                <tr key={record.id}>
                  <td data-label={t('tracker.when')}>{formatDate(record.triggeredAt, 'datetime')}</td>
                  <td data-label={t('tracker.customer')}>{customerName(record.customerId)}</td>
                  <td data-label={t('tracker.summary')}>{record.summary}</td>
                  <td data-label={t('tracker.due')}>
                    {formatDate(new Date(effectiveDueMs(record)).toISOString(), 'datetime')}
                  </td>
                  <td data-label={t('tracker.statusLabel')}>
                    <span className={`badge status--${status?.status ?? 'open'}`}>
                      {t(STATUS_KEY[status?.status ?? 'open'])}
                    </span>
                    {status?.renegotiatedInTime && <> {t('tracker.renegotiatedBadge')}</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p>
        <a href={hrefOf({ name: 'customers' })}>{t('tracker.manageCustomers')}</a>
      </p>
    </>
  );
}

/**
 * Logs a promise of `charter` now, to the customer named `customer` (found or created), through the
 * domain command; false when the command refuses it (a by-date promise without its date).
 */
function logNow(
  workspace: Workspace,
  input: {
    charter: Charter;
    commitment: Commitment;
    customer: string;
    summary: string;
    minutes?: number;
    agreedDate?: string | undefined;
  },
): boolean {
  const nowMs = Date.now();
  const result = logPromise({
    id: createId(),
    charterId: input.charter.id,
    commitment: input.commitment,
    customerId: ensureCustomer(workspace, input.customer, new Date(nowMs).toISOString(), createId),
    summary: input.summary,
    nowMs,
    calendar: workspace.settings.calendar,
    minutes: input.minutes,
    agreedDate: input.agreedDate,
  });
  if (result.ok) workspace.put('deliveries', result.value);
  return result.ok;
}

/**
 * Logging a promise: pick the commitment (search by a few words of it), name the customer (a known one
 * or a new name), say what, and "Record" in the bar at the bottom of the screen.
 */
function QuickAdd({ charter, customers }: { charter: Charter; customers: Customer[] }) {
  const workspace = useWorkspace();
  const { t } = useI18n();
  const [commitmentId, setCommitmentId] = useState(charter.commitments[0]?.id ?? '');
  const [customer, setCustomer] = useState('');
  const [summary, setSummary] = useState('');
  const [agreedDate, setAgreedDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const commitmentOptions = useMemo(
    () => charter.commitments.map((c) => ({ id: c.id, label: commitmentLabel(c) })),
    [charter],
  );
  const customerOptions = useMemo(() => customers.map((c) => ({ id: c.id, label: c.name })), [customers]);
  const commitment = charter.commitments.find((c) => c.id === commitmentId) ?? charter.commitments[0];
  if (!commitment) return <p className="empty">{t('tracker.noCommitments')}</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (commitment.kind === 'by-date' && !/^\d{4}-\d{2}-\d{2}$/.test(agreedDate)) {
      setError(t('tracker.needDate'));
      return;
    }
    const agreed = commitment.kind === 'by-date' ? agreedDate : undefined;
    if (!logNow(workspace, { charter, commitment, customer, summary, agreedDate: agreed }))
      return setError(t('tracker.needDate'));
    setSummary('');
    setError(null);
  };

  return (
    <form className="form quick-add" onSubmit={submit} aria-labelledby="quick-add-title" noValidate>
      <h2 id="quick-add-title">{t('tracker.quickAdd')}</h2>
      <ComboBox
        label={t('tracker.commitment')}
        options={commitmentOptions}
        selectedKey={commitment.id}
        // Clearing the text to search again never leaves the form without a commitment.
        onSelectionChange={(id) => id && setCommitmentId(id)}
      />
      <div className="grid-2">
        <ComboBox
          label={t('tracker.customer')}
          options={customerOptions}
          selectedKey={customers.find((c) => c.name === customer)?.id ?? null}
          onSelectionChange={(id) => {
            const picked = customers.find((c) => c.id === id);
            if (picked) setCustomer(picked.name);
          }}
          inputValue={customer}
          onInputChange={(text) => setCustomer(text.slice(0, 120))}
          allowsCustomValue
        />
        <TextField
          label={t('tracker.summary')}
          value={summary}
          maxLength={300}
          onChange={(e) => setSummary(e.target.value)}
        />
        {commitment.kind === 'by-date' && (
          <TextField
            label={t('tracker.agreedDate')}
            type="date"
            value={agreedDate}
            onChange={(e) => setAgreedDate(e.target.value)}
            error={error ?? undefined}
          />
        )}
      </div>
      <ActionBar>
        <button type="submit" className="button button--primary">
          {t('tracker.logPromise')}
        </button>
      </ActionBar>
    </form>
  );
}

function OpenRecord({
  record,
  commitment,
  status,
  customer,
  hasCase,
  canRenegotiate,
  onDone,
  onRenegotiate,
  onRecover,
}: {
  record: DeliveryRecord;
  commitment: Commitment | null;
  status: RecordStatus;
  customer: string;
  hasCase: boolean;
  /** Whether a new due time agreed now would count: only before the original due (status.ts). */
  canRenegotiate: boolean;
  onDone: (actual: number | null) => void;
  onRenegotiate: (newDueAt: string) => void;
  onRecover: () => void;
}) {
  const { t, formatDate } = useI18n();
  const calendar = useWorkspace().settings.calendar;
  const [renegotiating, setRenegotiating] = useState(false);
  const [newDue, setNewDue] = useState('');
  const [actual, setActual] = useState<number | null>(null);
  const label = [customer, record.summary].filter(Boolean).join(' — ');
  return (
    <li className={`record record--${status}`}>
      <FieldGroup legend={label}>
        <p>
          <span className={`badge status--${status}`}>{t(STATUS_KEY[status])}</span>{' '}
          {t('tracker.dueAt', {
            date: formatDate(new Date(effectiveDueMs(record)).toISOString(), 'datetime'),
          })}
        </p>
        <div className="group__actions">
          {commitment?.kind === 'amount' ? (
            <>
              <NumberField
                label={t('tracker.actual')}
                value={actual}
                onChange={setActual}
                error={actual !== null && actual < 0 ? t('tracker.actualNegative') : undefined}
                // Money is shown and typed as money ("₩78,900,000"); counts and percentages as numbers.
                currency={
                  ['KRW', 'USD', 'EUR', 'JPY'].includes(commitment.promised.unit)
                    ? commitment.promised.unit
                    : undefined
                }
              />
              <button
                type="button"
                className="button button--primary"
                aria-disabled={actual === null || actual < 0 ? true : undefined}
                aria-describedby={actual === null ? `${record.id}-why` : undefined}
                onClick={() => {
                  if (actual !== null && actual >= 0) onDone(actual);
                }}
              >
                {t('tracker.record')}
              </button>
              {actual === null && (
                <p id={`${record.id}-why`} className="note">
                  {t('tracker.actualFirst')}
                </p>
              )}
            </>
          ) : (
            <button type="button" className="button button--primary" onClick={() => onDone(null)}>
              {t('tracker.done')}
            </button>
          )}
          {canRenegotiate && (
            <button
              type="button"
              className="button"
              aria-expanded={renegotiating}
              onClick={() => setRenegotiating((v) => !v)}
            >
              {t('tracker.renegotiate')}
            </button>
          )}
          {status === 'overdue' && !hasCase && (
            <button type="button" className="button button--danger" onClick={onRecover}>
              {t('tracker.startRecovery')}
            </button>
          )}
        </div>
        {!canRenegotiate && status !== 'overdue' && <p className="note">{t('tracker.renegotiateTooLate')}</p>}
        {renegotiating && canRenegotiate && (
          <div className="group__actions">
            <TextField
              label={t('tracker.newDue')}
              type="datetime-local"
              value={newDue}
              onChange={(e) => setNewDue(e.target.value)}
            />
            <button
              type="button"
              className="button"
              disabled={Number.isNaN(instantOfLocalInput(newDue, calendar))}
              onClick={() => {
                // The input is wall-clock time on the business calendar, not in the browser's zone.
                onRenegotiate(new Date(instantOfLocalInput(newDue, calendar)).toISOString());
                setRenegotiating(false);
              }}
            >
              {t('tracker.saveNewDue')}
            </button>
          </div>
        )}
      </FieldGroup>
    </li>
  );
}
