import { Text, View } from '@react-pdf/renderer';
import type { AfterSales, LostSale } from '../../domain/charter/charter';
import { formatDuration } from '../../domain/charter/commitment-text';
import type { Locale } from '../../domain/common';
import { RichText } from '../blocks/rich-text';
import type { PdfLabels } from '../labels';
import { styles } from '../styles';

/** The after-sales plan: order check, first use, service follow-up, care tips, business help, lost sale. */
export function AfterSalesPlan({
  afterSales,
  lostSale,
  locale,
  labels,
}: {
  afterSales: AfterSales;
  lostSale: LostSale;
  locale: Locale;
  labels: PdfLabels;
}) {
  const d = (x: Parameters<typeof formatDuration>[0]) => formatDuration(x, locale);
  const lost = [
    labels.lostSaleText(d(lostSale.within)),
    lostSale.askFeedback ? labels.askFeedback : null,
    lostSale.askReferral ? labels.askReferral : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <View style={styles.section}>
      <Text style={styles.h2}>{labels.afterSales}</Text>
      <Text style={styles.h3}>{labels.orderCheck}</Text>
      {afterSales.orderCheck.practice.trim() !== '' && (
        <Text style={styles.paragraph}>{afterSales.orderCheck.practice}</Text>
      )}
      <Text style={styles.paragraph}>{labels.orderDelay(d(afterSales.orderCheck.delayNoticeWithin))}</Text>
      <Text style={styles.h3}>{labels.firstUse}</Text>
      <Text style={styles.paragraph}>
        {labels.firstUseText(d(afterSales.firstUse.after), labels.channels[afterSales.firstUse.channel])}
      </Text>
      <Text style={styles.h3}>{labels.service}</Text>
      <Text style={styles.paragraph}>
        {labels.serviceText(d(afterSales.serviceFollowUp.every), afterSales.serviceFollowUp.untilConfirmed)}
      </Text>
      {afterSales.careTips.content.length > 0 && (
        <>
          <Text style={styles.h3}>{labels.careTips}</Text>
          <RichText doc={afterSales.careTips} />
        </>
      )}
      {afterSales.businessHelp.enabled && afterSales.businessHelp.offers.some((o) => o.trim() !== '') && (
        <>
          <Text style={styles.h3}>{labels.businessHelp}</Text>
          {afterSales.businessHelp.offers
            .filter((o) => o.trim() !== '')
            .map((offer, i) => (
              <View key={i} style={styles.listItem}>
                <Text style={styles.bullet}>•</Text>
                <Text style={styles.listBody}>{offer}</Text>
              </View>
            ))}
        </>
      )}
      <Text style={styles.h3}>{labels.lostSale}</Text>
      <Text style={styles.paragraph}>{lost}.</Text>
      {lostSale.message.trim() !== '' && (
        <Text style={[styles.paragraph, styles.muted]}>{lostSale.message}</Text>
      )}
    </View>
  );
}
