// Charts of the scores dashboard, loaded lazily (React.lazy) so that their code is not part of the first
// page load. Hand-drawn: an SVG trend and HTML rate bars, each one image with an aria-label that states
// every count; the tables on the page are the full text alternative. (A chart library would add tens of
// KB gzip to this chunk for two simple charts.)
import { useLayoutEffect, useRef, useState } from 'react';
import type { PeriodScores, SliceScores } from '../../domain/tracker/scoring';
import { useI18n } from '../../lib/i18n';
import { percentText, periodName } from './scores-model';

export type CommitmentBar = { id: string; name: string; scores: SliceScores };

/** Up to five round whole-number ticks from 0 to at least `max` (1, 2, 5 × a power of ten apart). */
function ticksUpTo(max: number): number[] {
  const raw = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

/**
 * Kept (bottom) and missed (top) records per period, as stacked bars with a count axis, a legend and
 * 13 px labels. Drawn at real pixel sizes (text is never stretched): a few periods share the width there
 * is, up to a comfortable bar; many periods scroll sideways inside the chart, not the page.
 */
export function TrendChart({ trend }: { trend: readonly PeriodScores[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const max = Math.max(0, ...trend.map((p) => p.counts.kept + p.counts.missed));
  const empty = trend.length === 0 || max === 0;
  const box = useRef<HTMLDivElement>(null);
  const [available, setAvailable] = useState(0);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setAvailable(element.clientWidth);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [empty]);
  if (empty)
    return (
      <p className="note" data-testid="trend-chart-empty">
        {t('scores.chartNoData')}
      </p>
    );
  const label = t('scores.chartTrendLabel', {
    items: trend
      .map((p) =>
        t('scores.chartTrendItem', {
          period: periodName(i18n, p.period),
          kept: i18n.formatNumber(p.counts.kept),
          missed: i18n.formatNumber(p.counts.missed),
        }),
      )
      .join('; '),
  });
  const ticks = ticksUpTo(max);
  const top = ticks[ticks.length - 1]!;
  const axis = 40; // room for the count labels
  // One period: its bar and its label ("2026년 10주차" at 13 px) at least, 160 px at most.
  const slot = Math.max(88, Math.min(160, Math.floor((available - axis) / trend.length)));
  const barWidth = Math.round(slot * 0.45);
  const plot = 160;
  const head = 24; // the axis title above the plot
  const foot = 28; // the period labels under it
  const width = axis + trend.length * slot;
  const y = (n: number) => head + plot - (n / top) * plot;
  return (
    <div className="chart">
      <ul className="chart__legend" aria-hidden="true">
        <li>
          <span className="chart__swatch chart__swatch--kept" /> {t('scores.keptCount')}
        </li>
        <li>
          <span className="chart__swatch chart__swatch--missed" /> {t('scores.missedCount')}
        </li>
      </ul>
      <div className="chart__scroll" ref={box}>
        <svg role="img" aria-label={label} width={width} height={head + plot + foot} className="chart__svg">
          <text x={0} y={14} className="chart__label">
            {t('scores.axisRecords')}
          </text>
          {ticks.map((tick) => (
            <g key={tick} aria-hidden="true">
              <line x1={axis} x2={width} y1={y(tick)} y2={y(tick)} className="chart__grid" />
              <text x={axis - 6} y={y(tick) + 4} textAnchor="end" className="chart__label">
                {i18n.formatNumber(tick)}
              </text>
            </g>
          ))}
          {trend.map((p, i) => {
            const x = axis + i * slot + (slot - barWidth) / 2;
            const kept = (p.counts.kept / top) * plot;
            const missed = (p.counts.missed / top) * plot;
            return (
              <g key={p.period} aria-hidden="true">
                <rect x={x} y={head + plot - kept} width={barWidth} height={kept} className="chart__kept" />
                <rect
                  x={x}
                  y={head + plot - kept - missed}
                  width={barWidth}
                  height={missed}
                  className="chart__missed"
                />
                <text x={x + barWidth / 2} y={head + plot + 20} textAnchor="middle" className="chart__label">
                  {periodName(i18n, p.period)}
                </text>
              </g>
            );
          })}
          <line x1={axis} x2={axis} y1={head} y2={head + plot} className="chart__axis" />
          <line x1={axis} x2={width} y1={head + plot} y2={head + plot} className="chart__axis" />
        </svg>
      </div>
    </div>
  );
}

/**
 * The keeping rate of each commitment as horizontal bars in HTML (the names wrap like text instead of
 * being cut), 0 to 100 %; no bar when there is no data. One image for assistive technology, its label
 * stating every rate and count.
 */
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
  return (
    <div role="img" aria-label={label} className="rate-bars">
      {bars.map((b) => {
        const rate = b.scores.keepingRate;
        return (
          <div key={b.id} className="rate-bars__row" aria-hidden="true">
            <span className="rate-bars__name">{b.name}</span>
            <span className="rate-bars__track">
              {rate !== null && <span className="rate-bars__fill" style={{ width: `${rate * 100}%` }} />}
            </span>
            <span className="rate-bars__value">
              {`${percentText(i18n, rate)} (n = ${b.scores.counts.kept + b.scores.counts.missed})`}
            </span>
          </div>
        );
      })}
    </div>
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
