// Charts of the scores dashboard, loaded lazily (React.lazy) so that their code is not part of the first
// page load. Inline SVG with role="img" and an aria-label that states every count; the tables on the
// page are the full text alternative.
import type { PeriodScores, SliceScores } from '../../domain/tracker/scoring';
import { useI18n } from '../../lib/i18n';
import { percentText } from './scores-model';

const KEPT_COLOUR = '#2f7d4f';
const MISSED_COLOUR = '#c0392b';
const RATE_COLOUR = '#2d5b9a';

export type CommitmentBar = { id: string; name: string; scores: SliceScores };

/** Kept (bottom) and missed (top) records per period, as stacked bars. */
export function TrendChart({ trend }: { trend: readonly PeriodScores[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const max = Math.max(0, ...trend.map((p) => p.counts.kept + p.counts.missed));
  if (trend.length === 0 || max === 0)
    return (
      <p className="note" data-testid="trend-chart-empty">
        {t('scores.chartNoData')}
      </p>
    );
  const label = t('scores.chartTrendLabel', {
    items: trend
      .map((p) =>
        t('scores.chartTrendItem', {
          period: p.period,
          kept: i18n.formatNumber(p.counts.kept),
          missed: i18n.formatNumber(p.counts.missed),
        }),
      )
      .join('; '),
  });
  const barWidth = 24;
  const gap = 8;
  const height = 120;
  const labelSpace = 28;
  const width = trend.length * (barWidth + gap) + gap;
  const scale = (n: number) => (n / max) * height;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height + labelSpace}`}
      width="100%"
      style={{ maxWidth: `${Math.max(width, 240)}px` }}
      preserveAspectRatio="xMinYMin meet"
    >
      {trend.map((p, i) => {
        const x = gap + i * (barWidth + gap);
        const kept = scale(p.counts.kept);
        const missed = scale(p.counts.missed);
        return (
          <g key={p.period} aria-hidden="true">
            <rect x={x} y={height - kept} width={barWidth} height={kept} fill={KEPT_COLOUR} />
            <rect x={x} y={height - kept - missed} width={barWidth} height={missed} fill={MISSED_COLOUR} />
            <text x={x + barWidth / 2} y={height + 12} fontSize="8" textAnchor="middle">
              {p.period}
            </text>
          </g>
        );
      })}
      <line x1={0} y1={height} x2={width} y2={height} stroke="currentColor" strokeWidth={0.5} />
    </svg>
  );
}

/** The keeping rate of each commitment, as horizontal bars (no bar when there is no data). */
export function RateChart({ bars }: { bars: readonly CommitmentBar[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (bars.length === 0 || bars.every((b) => b.scores.keepingRate === null))
    return (
      <p className="note" data-testid="rate-chart-empty">
        {t('scores.chartNoData')}
      </p>
    );
  const label = t('scores.chartRateLabel', {
    items: bars
      .map((b) =>
        t('scores.chartRateItem', {
          name: b.name,
          rate: percentText(i18n, b.scores.keepingRate),
          n: i18n.formatNumber(b.scores.counts.kept + b.scores.counts.missed),
        }),
      )
      .join('; '),
  });
  const rowHeight = 34;
  const barMax = 300;
  const height = bars.length * rowHeight + 4;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${barMax + 90} ${height}`}
      width="100%"
      style={{ maxWidth: '480px' }}
      preserveAspectRatio="xMinYMin meet"
    >
      {bars.map((b, i) => {
        const y = 2 + i * rowHeight;
        const rate = b.scores.keepingRate;
        return (
          <g key={b.id} aria-hidden="true">
            <text x={0} y={y + 10} fontSize="10">
              {b.name.length > 60 ? `${b.name.slice(0, 59)}…` : b.name}
            </text>
            <rect x={0} y={y + 14} width={barMax} height={12} fill="#e6e6e6" />
            {rate !== null && <rect x={0} y={y + 14} width={rate * barMax} height={12} fill={RATE_COLOUR} />}
            <text x={barMax + 6} y={y + 24} fontSize="10">
              {`${percentText(i18n, rate)} (n = ${b.scores.counts.kept + b.scores.counts.missed})`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * Both charts; the default export of this lazily loaded module. The trend chart sits under the section's
 * heading (its title), the rate chart gets its own caption.
 */
export default function ScoresCharts(props: {
  trend: readonly PeriodScores[];
  bars: readonly CommitmentBar[];
}) {
  const { t } = useI18n();
  return (
    <div className="scores-charts">
      <TrendChart trend={props.trend} />
      <figure>
        <figcaption>{t('scores.chartRateTitle')}</figcaption>
        <RateChart bars={props.bars} />
      </figure>
    </div>
  );
}
