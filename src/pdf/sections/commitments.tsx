import { Text, View } from '@react-pdf/renderer';
import type { Commitment } from '../../domain/charter/commitment';
import { describeCommitment, describeDeadline } from '../../domain/charter/commitment-text';
import type { Locale } from '../../domain/common';
import { charterMessage } from '../../i18n/charter-message';
import type { PdfWords } from '../pdf-words';
import { styles, tokens } from '../styles';
import { bookmark } from './plan';

/**
 * The commitments as a numbered table: the promise as the customer reads it, its deadline in bold, who it
 * is for, how it is measured. The header row repeats on every page the table spans and never stands alone
 * at a page's foot. The internal targets are the owner's buffer and stay out of the customer's copy.
 */
export function Commitments({
  commitments,
  locale,
  t,
}: {
  commitments: Commitment[];
  locale: Locale;
  t: PdfWords;
}) {
  if (commitments.length === 0) return null;
  return (
    <View style={styles.section}>
      <Text style={styles.h2} {...bookmark(t('commitments'))} minPresenceAhead={tokens.keepWithNext}>
        {t('commitments')}
      </Text>
      <View style={styles.table}>
        <View style={styles.headRow} fixed minPresenceAhead={tokens.keepWithNext / 2}>
          <Text style={[styles.cellNumber, styles.headCell]}>#</Text>
          <Text style={[styles.cellPromise, styles.headCell]}>{t('promise')}</Text>
          <Text style={[styles.cellDeadline, styles.headCell]}>{t('deadline')}</Text>
          <Text style={[styles.cellFor, styles.headCell]}>{t('appliesTo')}</Text>
          <Text style={[styles.cellMeasure, styles.headCell]}>{t('measuredBy')}</Text>
        </View>
        {commitments.map((c, i) => (
          <View key={c.id} style={styles.row} wrap={false}>
            <Text style={styles.cellNumber}>{i + 1}</Text>
            <Text style={styles.cellPromise}>{charterMessage(locale, describeCommitment(c, locale))}</Text>
            <Text style={styles.cellDeadline}>{charterMessage(locale, describeDeadline(c, locale))}</Text>
            <Text style={styles.cellFor}>{t(`audiences.${c.appliesTo}`)}</Text>
            <Text style={styles.cellMeasure}>{c.measuredBy}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
