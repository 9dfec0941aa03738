import { Text, View } from '@react-pdf/renderer';
import type { PdfLabels } from '../labels';
import { styles } from '../styles';

/** One line of the track record: a commitment and how often it was kept (computed by the scoring code). */
export type TrackRecordRow = { label: string; kept: number; total: number };
export type TrackRecord = { periodDays: number; rows: TrackRecordRow[] };

/** "My record over the last N days": keeping rate per commitment, always with its counts. */
export function TrackRecordSection({
  record,
  labels,
  formatPercent,
}: {
  record: TrackRecord;
  labels: PdfLabels;
  formatPercent: (share: number) => string;
}) {
  return (
    <View style={styles.section} wrap={false}>
      <Text style={styles.h2}>{labels.trackRecord}</Text>
      <Text style={styles.small}>{labels.trackRecordPeriod(record.periodDays)}</Text>
      {record.rows.map((row, i) => (
        <View key={i} style={styles.recordRow}>
          <Text style={styles.listBody}>{row.label}</Text>
          <Text>
            {row.total === 0
              ? labels.noData
              : `${formatPercent(row.kept / row.total)} (${labels.kept(row.kept, row.total)})`}
          </Text>
        </View>
      ))}
    </View>
  );
}
