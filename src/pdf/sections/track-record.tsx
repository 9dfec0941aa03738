import { Text, View } from '@react-pdf/renderer';
import type { PdfWords } from '../pdf-words';
import { styles } from '../styles';
import { Heading } from './plan';

/** One line of the track record: a commitment and how often it was kept (computed by the scoring code). */
export type TrackRecordRow = { label: string; kept: number; total: number };
/**
 * The record over `periodDays` days up to `asOf` (an ISO instant; absent in older share links), or over the
 * period from `from` to `to` (ISO instants, `to` inclusive) when a period other than "the last n days" was
 * chosen (`charter render --from --to`).
 */
export type TrackRecord = {
  periodDays: number;
  rows: TrackRecordRow[];
  asOf?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** Below this many promises a percentage says more than the sample can: counts are printed instead. */
export const MIN_SAMPLE_FOR_PERCENT = 5;

const DAY_MS = 86_400_000;

/**
 * "My track record": the period as dates and the "as of" date, kept / n per commitment (a percentage
 * only from MIN_SAMPLE_FOR_PERCENT promises on), and a one-line note on what "kept" means and who recorded it.
 */
export function TrackRecordSection({
  record,
  t,
  formatPercent,
  formatDate,
}: {
  record: TrackRecord;
  t: PdfWords;
  formatPercent: (share: number) => string;
  formatDate: (ms: number) => string;
}) {
  const asOf = record.asOf ? Date.parse(record.asOf) : Number.NaN;
  const from = record.from ? Date.parse(record.from) : asOf - record.periodDays * DAY_MS;
  const to = record.to ? Date.parse(record.to) : asOf;
  const period = Number.isNaN(asOf)
    ? t('trackRecordDays', { days: record.periodDays })
    : `${t('trackRecordPeriod', { from: formatDate(from), to: formatDate(to) })} · ${t('asOf', { date: formatDate(asOf) })}`;
  return (
    <View style={styles.section} wrap={false}>
      <Heading>{t('trackRecord')}</Heading>
      <Text style={styles.small}>{period}</Text>
      {record.rows.map((row, i) => (
        <View key={i} style={styles.recordRow}>
          <Text style={styles.recordLabel}>{row.label}</Text>
          <Text style={styles.recordValue}>
            {row.total === 0
              ? t('noData')
              : row.total >= MIN_SAMPLE_FOR_PERCENT
                ? t('keptShare', {
                    percent: formatPercent(row.kept / row.total),
                    kept: row.kept,
                    total: row.total,
                  })
                : t('kept', { kept: row.kept, total: row.total })}
          </Text>
        </View>
      ))}
      <Text style={styles.note}>{t('method')}</Text>
    </View>
  );
}
