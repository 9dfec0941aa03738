import { Text, View } from '@react-pdf/renderer';
import type { Commitment } from '../../domain/charter/commitment';
import { describeCommitment } from '../../domain/charter/commitment-text';
import type { Locale } from '../../domain/common';
import type { PdfLabels } from '../labels';
import { styles } from '../styles';

/**
 * The commitments as a table: the promise as the customer reads it, who it is for, how it is measured.
 * The internal targets are the owner's buffer and stay out of the customer's copy.
 */
export function Commitments({
  commitments,
  locale,
  labels,
}: {
  commitments: Commitment[];
  locale: Locale;
  labels: PdfLabels;
}) {
  if (commitments.length === 0) return null;
  return (
    <View style={styles.section}>
      <Text style={styles.h2}>{labels.commitments}</Text>
      <View style={styles.table}>
        <View style={styles.headRow}>
          <Text style={[styles.cellNumber, styles.bold]}>#</Text>
          <Text style={[styles.cellPromise, styles.bold]}>{labels.promise}</Text>
          <Text style={[styles.cellFor, styles.bold]}>{labels.appliesTo}</Text>
          <Text style={[styles.cellMeasure, styles.bold]}>{labels.measuredBy}</Text>
        </View>
        {commitments.map((c, i) => (
          <View key={c.id} style={styles.row} wrap={false}>
            <Text style={styles.cellNumber}>{i + 1}</Text>
            <Text style={styles.cellPromise}>{describeCommitment(c, locale)}</Text>
            <Text style={styles.cellFor}>{labels.audiences[c.appliesTo]}</Text>
            <Text style={styles.cellMeasure}>{c.measuredBy}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
