import { useState } from 'react';
import { customerDetailsSchema } from '../../domain/tracker/tracker';
import { addDays, dueTimelineSteps, timelineState } from '../../domain/tracker/deal-timeline';
import { localDateOf } from '../../domain/tracker/business-calendar';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { TextField } from '../../components/text-field';
import { Switch } from '../../components/switch';
import { createId, nowIso } from '../../lib/id';
import { useI18n } from '../../lib/i18n';
import { useNow } from '../../lib/use-now';
import { CustomerFields } from './customer-fields';
import { useDetailsForm } from '../../lib/form';
import { saveStepDone, StepTitle } from './timeline-step';
import { hrefOf } from '../../lib/routes';

/** Customers and the follow-ups due this week: add a customer, find one, open their deals. */
export function CustomersPage() {
  const { data } = useWorkspaceState();
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const needle = query.trim().toLocaleLowerCase();
  const customers = [...data.customers.values()]
    .filter((c) => showArchived || !c.archived)
    .filter(
      (c) =>
        !needle || [c.name, c.company, c.phone, c.email].some((v) => v.toLocaleLowerCase().includes(needle)),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  const dealCounts = new Map<string, number>();
  for (const d of data.deals.values()) dealCounts.set(d.customerId, (dealCounts.get(d.customerId) ?? 0) + 1);

  return (
    <section className="page page--wide" aria-labelledby="customers-title">
      <h1 id="customers-title">{t('customers.title')}</h1>
      <p className="page__intro">{t('customers.intro')}</p>
      {/* Finding a customer comes first; adding one (a longer form) last. */}
      <section aria-labelledby="customer-list-title" className="form">
        <h2 id="customer-list-title">{t('customers.list')}</h2>
        <div className="grid-2">
          <TextField
            label={t('customers.search')}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <Switch isSelected={showArchived} onChange={setShowArchived}>
            {t('customers.showArchived')}
          </Switch>
        </div>
        {customers.length === 0 ? (
          <p className="empty">{t(data.customers.size === 0 ? 'customers.empty' : 'customers.noMatch')}</p>
        ) : (
          <ul className="card-list">
            {customers.map((c) => (
              <li key={c.id} className="card">
                <h3 className="card__title">
                  <a href={hrefOf({ name: 'customer', customerId: c.id })}>{c.name}</a>
                  {c.archived && <span className="badge"> {t('customers.archived')}</span>}
                </h3>
                <p className="card__meta">
                  {[
                    c.company,
                    c.phone,
                    c.email,
                    t('customers.dealCount', { count: dealCounts.get(c.id) ?? 0 }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <DueThisWeek />
      <AddCustomer />
    </section>
  );
}

/** The add-customer form, validated by the domain's customer details schema. */
function AddCustomer() {
  const workspace = useWorkspace();
  const { t } = useI18n();
  const empty = { name: '', company: '', phone: '', email: '', notes: '' };
  const { form, errorAt } = useDetailsForm(customerDetailsSchema, empty);
  const [added, setAdded] = useState<string | null>(null);
  const submit = form.handleSubmit((details) => {
    const now = nowIso();
    workspace.put('customers', {
      id: createId(),
      ...details,
      archived: false,
      createdAt: now,
      updatedAt: now,
    });
    setAdded(details.name);
    form.reset(empty);
  });
  return (
    <form className="form" aria-labelledby="add-customer-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="add-customer-title">{t('customers.add')}</h2>
      <CustomerFields register={form.register} errorAt={errorAt} />
      <button type="submit" className="button button--primary">
        {t('customers.addButton')}
      </button>
      {added && (
        <p role="status" className="note">
          {t('customers.added', { name: added })}
        </p>
      )}
    </form>
  );
}

/** Moments and follow-ups of won and lost deals due within the next 7 days (overdue ones included). */
function DueThisWeek() {
  const workspace = useWorkspace();
  const { data } = useWorkspaceState();
  const { t, formatCalendarDate } = useI18n();
  const now = useNow();
  const today = localDateOf(now, workspace.settings.calendar);
  const due = dueTimelineSteps(
    [...data.deals.values()],
    data.charters,
    addDays(today, 7),
    workspace.settings.calendar,
  );
  return (
    <section aria-labelledby="due-title" className="form">
      <h2 id="due-title">{t('customers.dueTitle')}</h2>
      {due.length === 0 ? (
        <p>{t('customers.nothingDue')}</p>
      ) : (
        <ul className="record-list">
          {due.map(({ deal, step }) => {
            const customer = data.customers.get(deal.customerId);
            const overdue = timelineState(step, today) === 'overdue';
            return (
              <li key={`${deal.id}/${step.id}`} className={overdue ? 'record record--overdue' : 'record'}>
                <p>
                  <strong>{formatCalendarDate(step.date!)}</strong>
                  {overdue && (
                    <span className="badge status--overdue"> {t('customers.state.overdue')}</span>
                  )}{' '}
                  <StepTitle step={step} /> —{' '}
                  <a href={hrefOf({ name: 'customer', customerId: deal.customerId })}>
                    {customer?.name ?? t('customers.unknownCustomer')}
                  </a>{' '}
                  ({deal.product})
                </p>
                <button
                  type="button"
                  className="button"
                  onClick={() => saveStepDone(workspace, deal.id, step.id, true)}
                >
                  {t('customers.markDone')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
