import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { describeCommitment } from '../../domain/charter/commitment-text';
import { commitmentLabel } from '../../domain/charter/short-name';
import { calibrate } from '../../domain/tracker/calibration';
import { buildRecordTable } from '../../domain/tracker/record-table';
import { computeScores } from '../../domain/tracker/scoring';
import { headlineAt, headlineOf } from '../../domain/tracker/period-headline';
import type { PeriodGranularity, SliceScores } from '../../domain/tracker/scoring';
import type { DeliveryRecord } from '../../domain/tracker/tracker';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { SelectField } from '../../components/fields';
import { Sheet } from '../../components/sheet';
import { TextField } from '../../components/text-field';
import { translateMessage, useI18n } from '../../lib/i18n';
import './scores.css';
import {
  commitmentsOf,
  customerOptions,
  filterRangeMs,
  noFilters,
  percentText,
  periodName,
  pickCharterForScores,
  recordsBehind,
  recordsForCharter,
} from './scores-model';
import type { ScoreFilters } from './scores-model';

const MONTH_HEADLINE = {
  rate: 'scores.headline',
  none: 'scores.headlineNone',
  noneHint: 'scores.headlineNoneHint',
} as const;
const FILTERED_HEADLINE = {
  rate: 'scores.headlineFiltered',
  none: 'scores.headlineFilteredNone',
  noneHint: 'scores.headlineFilteredNoneHint',
} as const;

// The charts live in their own chunk: the numbers and tables show at once, the charts follow.
const ScoresCharts = lazy(() => import('./scores-charts'));

/** Promise-versus-delivery scores: the numbers at a glance, always with their counts, and what is behind them. */
export function ScoresPage() {
  const { data } = useWorkspaceState();
  const workspace = useWorkspace();
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const [chosen, setChosen] = useState<string | null>(null);
  const [drill, setDrill] = useState<string | null>(null);
  const [filters, setFilters] = useState<ScoreFilters>(noFilters);
  const [granularity, setGranularity] = useState<PeriodGranularity>('month');
  const [filtersOpen, setFiltersOpen] = useState(false);
  // Everything below that goes over all records is memoized: with a large log, a render caused by a
  // filter or a drill-down must not read every record again.
  const charter = useMemo(() => pickCharterForScores(data, chosen), [data, chosen]);
  const charterId = charter?.id;
  const settings = workspace.settings;
  const [now] = useState(() => Date.now());
  const { deliveries, charterVersions } = data;
  const allRecords = useMemo(
    () => (charterId === undefined ? [] : recordsForCharter({ deliveries }, charterId)),
    [deliveries, charterId],
  );
  const range = filterRangeMs(filters, settings.calendar);
  // Read once per change of the records or cases; a change of the filters only scores the table again.
  const table = useMemo(
    () => buildRecordTable(allRecords, [...data.recoveryCases.values()]),
    [allRecords, data.recoveryCases],
  );
  // The records behind every number on the page: chosen commitment, customer and dates.
  const records = useMemo(
    () => recordsBehind(allRecords, table, filters, range.from, range.to),
    [allRecords, table, filters, range.from, range.to],
  );
  const customerNames = data.customers;
  const customers = useMemo(
    () => customerOptions({ customers: customerNames }, table.customerIds),
    [customerNames, table],
  );
  // The calibration, at the bottom of the page, reads every record's times once more: it is worked out in
  // a render after the numbers above are shown (null until then).
  const calibrationRecords = useDeferredValue<readonly DeliveryRecord[] | null>(records, null);
  const calibrations = useMemo(
    () =>
      calibrationRecords === null
        ? null
        : new Map(
            charter?.commitments
              .filter((c) => filters.commitmentId === '' || c.id === filters.commitmentId)
              .map((c) => [c.id, calibrate(c, calibrationRecords, settings.calendar)]),
          ),
    [charter, calibrationRecords, settings.calendar, filters.commitmentId],
  );
  const scores = useMemo(() => {
    if (!charter) return null;
    return computeScores({
      table,
      commitments: commitmentsOf({ charterVersions }, charter),
      nowMs: now,
      atRiskShare: settings.atRiskShare,
      calendar: settings.calendar,
      from: range.from,
      to: range.to,
      commitmentId: filters.commitmentId === '' ? undefined : filters.commitmentId,
      customerId: filters.customerId === '' ? undefined : filters.customerId,
    });
  }, [charterVersions, charter, table, filters, now, settings, range.from, range.to]);

  if (!charter || !scores)
    return (
      <section className="page" aria-labelledby="scores-title">
        <h1 id="scores-title">{t('scores.title')}</h1>
        <p className="empty">{t('scores.empty')}</p>
      </section>
    );
  const setFilter = (key: keyof ScoreFilters, value: string) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setDrill(null);
  };
  const shownCommitments = charter.commitments.filter(
    (c) => filters.commitmentId === '' || c.id === filters.commitmentId,
  );
  const row = (label: string, s: SliceScores, id: string | null) => (
    <tr key={id ?? 'overall'}>
      <th scope="row">
        {id ? (
          <button
            type="button"
            className="link-button"
            aria-expanded={drill === id}
            onClick={() => setDrill(drill === id ? null : id)}
          >
            {label}
          </button>
        ) : (
          label
        )}
      </th>
      <td data-label={t('scores.keeping')}>
        {percentText(i18n, s.keepingRate)}{' '}
        <span className="note">(n = {s.counts.kept + s.counts.missed})</span>
      </td>
      <td data-label={t('scores.overDelivery')}>{percentText(i18n, s.overDeliveryRate)}</td>
      <td data-label={t('scores.margin')}>{percentText(i18n, s.medianMargin)}</td>
      <td data-label={t('scores.recovery')}>
        {percentText(i18n, s.recoveryRate)} <span className="note">(n = {s.counts.missed})</span>
      </td>
      <td data-label={t('scores.counts')}>
        {t('scores.countsLine', {
          kept: s.counts.kept,
          missed: s.counts.missed,
          open: s.counts.open + s.counts.atRisk,
          renegotiated: s.counts.renegotiatedInTime,
        })}
      </td>
    </tr>
  );
  const trend = scores.trend[granularity];
  const trendTitle = t(`scores.trendBy.${granularity}`);
  const active = [filters.commitmentId, filters.customerId, filters.from, filters.to].filter(Boolean).length;
  // With filters on, the headline speaks of the chosen records; without, of this month.
  const headline = active > 0 ? headlineOf(scores.overall) : headlineAt(scores.byPeriod.month.values(), now);
  const words = active > 0 ? FILTERED_HEADLINE : MONTH_HEADLINE;
  return (
    <section className="page page--wide scores-page" aria-labelledby="scores-title">
      <h1 id="scores-title">{t('scores.title')}</h1>
      <div className="scores-headline" role="group" aria-labelledby="scores-headline">
        {headline.rate === null ? (
          <>
            <p id="scores-headline" className="scores-headline__number scores-headline__number--none">
              {t(words.none)}
            </p>
            <p className="scores-headline__counts">{t(words.noneHint)}</p>
          </>
        ) : (
          <>
            <p id="scores-headline" className="scores-headline__number">
              {t(words.rate, { percent: i18n.formatNumber(Math.round(headline.rate * 100)) })}
            </p>
            <p className="scores-headline__counts">
              {t('scores.headlineCounts', {
                kept: i18n.formatNumber(headline.kept),
                closed: i18n.formatNumber(headline.closed),
              })}
            </p>
          </>
        )}
      </div>
      <p className="page__intro">{t('scores.intro')}</p>
      <div className="scores-filterbar">
        <button type="button" className="button" aria-haspopup="dialog" onClick={() => setFiltersOpen(true)}>
          {t('scores.editFilters')}
          {active > 0 && (
            <span className="scores-filterbar__count"> · {t('scores.filtersOn', { count: active })}</span>
          )}
        </button>
        {active > 0 && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setFilters(noFilters);
              setDrill(null);
            }}
          >
            {t('scores.resetFilters')}
          </button>
        )}
      </div>
      <Sheet
        isOpen={filtersOpen}
        onOpenChange={setFiltersOpen}
        title={t('scores.filters')}
        actions={(close) => (
          <button type="button" className="button button--primary" onClick={close}>
            {t('scores.filtersDone')}
          </button>
        )}
      >
        <div className="scores-filters">
          {data.charters.size > 1 && (
            <SelectField
              label={t('tracker.charter')}
              options={[...data.charters.values()].map(
                (c) => [c.id, c.title.trim() || t('charters.untitled')] as const,
              )}
              value={charter.id}
              onChange={(e) => {
                setChosen(e.target.value);
                setFilters(noFilters);
                setDrill(null);
              }}
            />
          )}
          <SelectField
            label={t('scores.filterCommitment')}
            options={[
              ['', t('scores.allCommitmentsOption')] as const,
              ...charter.commitments.map((c) => [c.id, commitmentLabel(c)] as const),
            ]}
            value={filters.commitmentId}
            onChange={(e) => setFilter('commitmentId', e.target.value)}
          />
          <SelectField
            label={t('scores.filterCustomer')}
            options={[['', t('scores.allCustomersOption')] as const, ...customers]}
            value={filters.customerId}
            onChange={(e) => setFilter('customerId', e.target.value)}
          />
          <TextField
            type="date"
            label={t('scores.filterFrom')}
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => setFilter('from', e.target.value)}
          />
          <TextField
            type="date"
            label={t('scores.filterTo')}
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => setFilter('to', e.target.value)}
          />
        </div>
      </Sheet>
      {allRecords.length === 0 ? (
        <p className="empty">{t('scores.empty')}</p>
      ) : (
        records.length === 0 && (
          <p className="empty" role="status">
            {t('scores.filteredEmpty')}
          </p>
        )
      )}
      <table className="diff scores">
        <caption>{t('scores.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scores.slice')}</th>
            <th scope="col">{t('scores.keeping')}</th>
            <th scope="col">{t('scores.overDelivery')}</th>
            <th scope="col">{t('scores.margin')}</th>
            <th scope="col">{t('scores.recovery')}</th>
            <th scope="col">{t('scores.counts')}</th>
          </tr>
        </thead>
        <tbody>
          {row(t('scores.overall'), scores.overall, null)}
          {shownCommitments.map((c) => {
            const s = scores.byCommitment.get(c.id);
            return s
              ? row(translateMessage(charter.locale, describeCommitment(c, charter.locale)), s, c.id)
              : null;
          })}
        </tbody>
      </table>
      {drill && (
        <section aria-labelledby="drill-title" className="form">
          <h2 id="drill-title">{t('scores.behind')}</h2>
          <ul>
            {records
              .filter((r) => r.commitmentId === drill)
              .map((r) => (
                <li key={r.id}>
                  {formatDate(r.triggeredAt, 'datetime')} — {r.summary}{' '}
                  {r.doneAt
                    ? t('scores.doneAt', { date: formatDate(r.doneAt, 'datetime') })
                    : t('scores.notDone')}
                </li>
              ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="trend-title" className="form">
        <h2 id="trend-title">{trendTitle}</h2>
        <SelectField
          label={t('scores.filterGranularity')}
          options={(['week', 'month', 'quarter'] as const).map(
            (g) => [g, t(`scores.granularity.${g}`)] as const,
          )}
          value={granularity}
          onChange={(e) => setGranularity(e.target.value as PeriodGranularity)}
        />
        <Suspense fallback={<p role="status">{t('scores.chartsLoading')}</p>}>
          <ScoresCharts
            trend={trend}
            bars={shownCommitments.flatMap((c) => {
              const s = scores.byCommitment.get(c.id);
              return s
                ? [
                    {
                      id: c.id,
                      name: translateMessage(charter.locale, describeCommitment(c, charter.locale)),
                      scores: s,
                    },
                  ]
                : [];
            })}
          />
        </Suspense>
        {trend.length === 0 ? (
          <p>{t('scores.noData')}</p>
        ) : (
          <table className="diff scores">
            <caption>{trendTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scores.period')}</th>
                <th scope="col">{t('scores.keptCount')}</th>
                <th scope="col">{t('scores.missedCount')}</th>
                <th scope="col">{t('scores.keeping')}</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{periodName(i18n, p.period)}</th>
                  <td data-label={t('scores.keptCount')}>{p.counts.kept}</td>
                  <td data-label={t('scores.missedCount')}>{p.counts.missed}</td>
                  <td data-label={t('scores.keeping')}>
                    {percentText(i18n, p.keepingRate)}{' '}
                    <span className="note">(n = {p.counts.kept + p.counts.missed})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="calibration-title" className="form">
        <h2 id="calibration-title">{t('scores.calibration')}</h2>
        {calibrations === null && <p role="status">{t('app.loadingScreen')}</p>}
        <ul>
          {shownCommitments.map((c) => {
            if (calibrations === null) return null;
            const cal = calibrations.get(c.id) ?? null;
            if (c.kind !== 'within' && c.kind !== 'done') return null;
            return (
              <li key={c.id}>
                {translateMessage(charter.locale, describeCommitment(c, charter.locale))} —{' '}
                {cal
                  ? t(`scores.verdict.${cal.verdict}`, {
                      honest: i18n.formatNumber(Math.round(cal.honestWindowMinutes)),
                      promised: i18n.formatNumber(Math.round(cal.promisedMinutes)),
                      n: cal.n,
                    })
                  : t('scores.needTen')}
              </li>
            );
          })}
        </ul>
      </section>
    </section>
  );
}
