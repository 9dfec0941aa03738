import { useMemo, useState } from 'react';
import { describeCommitment } from '../../domain/charter/commitment-text';
import { calibrate } from '../../domain/tracker/calibration';
import { computeScores } from '../../domain/tracker/scoring';
import type { SliceScores } from '../../domain/tracker/scoring';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { SelectField } from '../../components/fields';
import { useI18n } from '../../lib/i18n';
import type { I18n } from '../../lib/i18n';
import { commitmentsOf, pickCharterForScores, recordsForCharter } from './scores-model';

const percent = (i18n: I18n, share: number | null) =>
  share === null ? i18n.t('scores.noData') : `${i18n.formatNumber(Math.round(share * 1000) / 10)}%`;

/** Promise-versus-delivery scores: the numbers at a glance, always with their counts, and what is behind them. */
export function ScoresPage() {
  const { data } = useWorkspaceState();
  const workspace = useWorkspace();
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const [chosen, setChosen] = useState<string | null>(null);
  const [drill, setDrill] = useState<string | null>(null);
  const charter = pickCharterForScores(data, chosen);
  const settings = workspace.settings;
  const [now] = useState(() => Date.now());
  const scores = useMemo(() => {
    if (!charter) return null;
    return computeScores({
      records: recordsForCharter(data, charter.id),
      commitments: commitmentsOf(data, charter),
      recoveryCases: [...data.recoveryCases.values()],
      nowMs: now,
      atRiskShare: settings.atRiskShare,
      calendar: settings.calendar,
    });
  }, [data, charter, now, settings]);

  if (!charter || !scores)
    return (
      <section className="page" aria-labelledby="scores-title">
        <h1 id="scores-title">{t('scores.title')}</h1>
        <p className="empty">{t('scores.empty')}</p>
      </section>
    );
  const records = recordsForCharter(data, charter.id);
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
      <td>
        {percent(i18n, s.keepingRate)} <span className="note">(n = {s.counts.kept + s.counts.missed})</span>
      </td>
      <td>{percent(i18n, s.overDeliveryRate)}</td>
      <td>{s.medianMargin === null ? t('scores.noData') : percent(i18n, s.medianMargin)}</td>
      <td>
        {percent(i18n, s.recoveryRate)} <span className="note">(n = {s.counts.missed})</span>
      </td>
      <td>
        {t('scores.countsLine', {
          kept: s.counts.kept,
          missed: s.counts.missed,
          open: s.counts.open + s.counts.atRisk,
          renegotiated: s.counts.renegotiatedInTime,
        })}
      </td>
    </tr>
  );
  const trend = scores.trend.month;
  return (
    <section className="page page--wide" aria-labelledby="scores-title">
      <h1 id="scores-title">{t('scores.title')}</h1>
      <p className="page__intro">{t('scores.intro')}</p>
      {data.charters.size > 1 && (
        <SelectField
          label={t('tracker.charter')}
          options={[...data.charters.values()].map(
            (c) => [c.id, c.title.trim() || t('charters.untitled')] as const,
          )}
          value={charter.id}
          onChange={(e) => setChosen(e.target.value)}
        />
      )}
      {records.length === 0 && <p className="empty">{t('scores.empty')}</p>}
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
          {charter.commitments.map((c) => {
            const s = scores.byCommitment.get(c.id);
            return s ? row(describeCommitment(c, charter.locale), s, c.id) : null;
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
        <h2 id="trend-title">{t('scores.trend')}</h2>
        {trend.length === 0 ? (
          <p>{t('scores.noData')}</p>
        ) : (
          <ul className="bars">
            {trend.map((p) => (
              <li key={p.period}>
                <span className="bars__label">{p.period}</span>
                <span className="bars__track" aria-hidden="true">
                  <span
                    className="bars__fill"
                    style={{ width: `${Math.round((p.keepingRate ?? 0) * 100)}%` }}
                  />
                </span>
                <span>
                  {percent(i18n, p.keepingRate)} (n = {p.counts.kept + p.counts.missed})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="calibration-title" className="form">
        <h2 id="calibration-title">{t('scores.calibration')}</h2>
        <ul>
          {charter.commitments.map((c) => {
            const cal = calibrate(c, records, settings.calendar);
            if (c.kind !== 'within' && c.kind !== 'done') return null;
            return (
              <li key={c.id}>
                {describeCommitment(c, charter.locale)} —{' '}
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
