import { useMemo, useState } from 'react';
import { charterCommitments } from '../../domain/charter/charter-commitments';
import type { Commitment } from '../../domain/charter/commitment';
import { shortName } from '../../domain/charter/short-name';
import { customerPromises } from '../../domain/tracker/customer-promises';
import { localDateOf } from '../../domain/tracker/business-calendar';
import { customerDetailsSchema } from '../../domain/tracker/tracker';
import type { Customer, Deal } from '../../domain/tracker/tracker';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { TextAreaField } from '../../components/fields';
import { createId, nowIso } from '../../lib/id';
import { useI18n } from '../../lib/i18n';
import './customers.css';
import { DealCard, DealForm } from './deal-card';
import { CustomerFields } from './customer-fields';
import { useDetailsForm } from '../../lib/form';
import { hrefOf } from '../../lib/routes';

/** One customer: their details, archive or delete, and their deals with timelines. */
export function CustomerPage({ customerId }: { customerId: string }) {
  const { data } = useWorkspaceState();
  const { t } = useI18n();
  const customer = data.customers.get(customerId);
  if (!customer) {
    return (
      <section className="page" aria-labelledby="customer-missing">
        <h1 id="customer-missing">{t('customers.notFound')}</h1>
        <a className="customer-page__back" href={hrefOf({ name: 'customers' })}>
          {t('customers.back')}
        </a>
      </section>
    );
  }
  return <CustomerScreen key={customer.id} customer={customer} />;
}

function CustomerScreen({ customer }: { customer: Customer }) {
  const { data } = useWorkspaceState();
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const deals = [...data.deals.values()]
    .filter((d) => d.customerId === customer.id)
    .sort((a, b) => b.openedOn.localeCompare(a.openedOn));
  return (
    <section className="page page--wide" aria-labelledby="customer-title">
      <a className="customer-page__back" href={hrefOf({ name: 'customers' })}>
        {t('customers.back')}
      </a>
      <h1 id="customer-title">
        {customer.name}
        {customer.archived && <span className="badge"> {t('customers.archived')}</span>}
      </h1>
      {/* The deals and their moments are what a visit is usually for; the details form follows. */}
      <section aria-labelledby="deals-title" className="form">
        <h2 id="deals-title">{t('customers.deals')}</h2>
        {deals.length === 0 && !adding && <p>{t('customers.noDeals')}</p>}
        {deals.map((deal) => (
          <DealCard key={deal.id} deal={deal} customer={customer} />
        ))}
        {adding ? (
          <NewDeal customer={customer} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            {t('customers.addDeal')}
          </button>
        )}
      </section>
      <PromisesMade customer={customer} />
      <CustomerDetailsForm customer={customer} />
    </section>
  );
}

const FIRST_SHOWN = 10;

/** What was promised to this customer and what happened, newest first: the counts, then the promises. */
function PromisesMade({ customer }: { customer: Customer }) {
  const workspace = useWorkspace();
  const { data } = useWorkspaceState();
  const { t, formatDate } = useI18n();
  const [now] = useState(() => Date.now());
  const [all, setAll] = useState(false);
  const { deliveries, charters, charterVersions } = data;
  const promises = useMemo(() => {
    const byCharter = new Map<string, Map<string, Commitment>>();
    const commitmentsOf = (charterId: string) => {
      let map = byCharter.get(charterId);
      if (!map) {
        const charter = charters.get(charterId);
        map = charter ? charterCommitments(charter, [...charterVersions.values()]) : new Map();
        byCharter.set(charterId, map);
      }
      return map;
    };
    const { atRiskShare, calendar } = workspace.settings;
    return customerPromises(
      deliveries.values(),
      customer.id,
      (r) => commitmentsOf(r.charterId).get(r.commitmentId),
      now,
      { atRiskShare, calendar },
    );
  }, [deliveries, charters, charterVersions, customer.id, now, workspace.settings]);
  const shown = all ? promises.items : promises.items.slice(0, FIRST_SHOWN);
  return (
    <section aria-labelledby="promises-title" className="form">
      <h2 id="promises-title">{t('customers.promises', { count: promises.items.length })}</h2>
      {promises.items.length === 0 ? (
        <p>{t('customers.noPromises')}</p>
      ) : (
        <>
          <p>
            {t('customers.promiseCounts', {
              kept: promises.kept,
              missed: promises.missed,
              open: promises.open,
            })}
          </p>
          <ul className="customer-promises">
            {shown.map(({ record, commitment, status }) => (
              <li key={record.id}>
                <span className="customer-promises__what">
                  {record.summary.trim() ||
                    (commitment ? shortName(commitment.what) : t('customers.promiseUnknown'))}
                </span>
                <span className="customer-promises__when">
                  {t('customers.promiseDue', { date: formatDate(record.dueAt, 'datetime') })}
                </span>
                {status && (
                  <span className={`badge customer-promises__status--${status}`}>
                    {t(`tracker.status.${status}`)}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {promises.items.length > FIRST_SHOWN && (
            <button type="button" className="button" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? t('customers.showFewer') : t('customers.showAll', { count: promises.items.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function CustomerDetailsForm({ customer }: { customer: Customer }) {
  const workspace = useWorkspace();
  const { data } = useWorkspaceState();
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const [deleteBlocked, setDeleteBlocked] = useState<string | null>(null);
  const { form, errorAt } = useDetailsForm(customerDetailsSchema, {
    name: customer.name,
    company: customer.company,
    phone: customer.phone,
    email: customer.email,
    notes: customer.notes,
  });
  const submit = form.handleSubmit((details) => {
    const latest = workspace.getState().data.customers.get(customer.id) ?? customer;
    workspace.put('customers', { ...latest, ...details, updatedAt: nowIso() });
    form.reset(details);
    setSaved(true);
  });
  const records = [...data.deliveries.values()].filter((r) => r.customerId === customer.id).length;
  const deals = [...data.deals.values()].filter((d) => d.customerId === customer.id).length;
  const remove = () => {
    // Deleting would orphan records and deals (scores must stay reproducible): archive those instead.
    if (records > 0 || deals > 0) {
      setDeleteBlocked(t('customers.deleteBlocked', { records, deals }));
      return;
    }
    if (!window.confirm(t('customers.confirmDelete', { name: customer.name }))) return;
    workspace.remove('customers', customer.id);
    window.location.hash = hrefOf({ name: 'customers' });
  };
  return (
    <form
      className="form"
      aria-labelledby="details-title"
      onSubmit={(e) => void submit(e)}
      onChange={() => setSaved(false)}
      noValidate
    >
      <h2 id="details-title">{t('customers.details')}</h2>
      <CustomerFields register={form.register} errorAt={errorAt} />
      <TextAreaField label={t('customers.notes')} maxLength={4_000} rows={3} {...form.register('notes')} />
      <div className="group__actions">
        <button type="submit" className="button button--primary">
          {t('customers.save')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            workspace.put('customers', { ...customer, archived: !customer.archived, updatedAt: nowIso() })
          }
        >
          {t(customer.archived ? 'customers.unarchive' : 'customers.archive')}
        </button>
        <button type="button" className="button button--danger" onClick={remove}>
          {t('customers.delete')}
        </button>
      </div>
      {saved && (
        <p role="status" className="note">
          {t('customers.saved')}
        </p>
      )}
      {deleteBlocked && (
        <p role="alert" className="field__error">
          {deleteBlocked}
        </p>
      )}
    </form>
  );
}

function NewDeal({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const workspace = useWorkspace();
  const { data } = useWorkspaceState();
  // Fixed when the form opens: the new deal's id, creation time and default dates.
  const [base] = useState<Deal>(() => {
    const now = nowIso();
    const charters = [...data.charters.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return {
      id: createId(),
      customerId: customer.id,
      charterId: charters[0]?.id ?? null,
      product: '',
      status: 'open',
      openedOn: localDateOf(Date.parse(now), workspace.settings.calendar),
      closedOn: null,
      deliveryOn: null,
      value: null,
      notes: '',
      timelineDone: [],
      createdAt: now,
      updatedAt: now,
    };
  });
  return (
    <DealForm
      deal={base}
      isNew
      onSave={(deal) => {
        workspace.put('deals', { ...deal, createdAt: deal.updatedAt });
        onDone();
      }}
      onCancel={onDone}
    />
  );
}
