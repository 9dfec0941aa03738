import { Text, View } from '@react-pdf/renderer';
import type { AfterSales } from '../../domain/charter/charter';
import { describeDuration, describeEvery } from '../../domain/charter/commitment-text';
import { handoverName } from '../../domain/charter/handover';
import type { Handover } from '../../domain/charter/handover';
import type { Duration, Locale } from '../../domain/common';
import { RichText } from '../blocks/rich-text';
import { charterMessage } from '../../i18n/charter-message';
import type { PdfWords } from '../pdf-words';
import { styles, tokens } from '../styles';
import { Heading } from './plan';

// The words for each unit a practice may name its notice time in ("4 business hours", "4시간 안에").
const UNIT_WORDS: Record<Locale, Record<Duration['unit'], string>> = {
  en: { minutes: 'minutes?', hours: 'hours?', days: 'days?', weeks: 'weeks?' },
  ko: { minutes: '분', hours: '시간', days: '일', weeks: '주' },
};

/**
 * Whether the order-check practice already names the delay notice time `within` ("…tell you within 4
 * business hours…"): the separate sentence "If anything slips, I tell you within 4 hours" would then say
 * it a second time.
 */
export function practiceNamesNotice(practice: string, within: Duration, locale: Locale): boolean {
  const qualifier = locale === 'ko' ? '(?:영업\\s*)?' : '(?:business\\s+|working\\s+)?';
  const pattern = `(?<![\\d.])${within.value}\\s*${qualifier}${UNIT_WORDS[locale][within.unit]}`;
  return new RegExp(locale === 'ko' ? pattern : `${pattern}\\b`, 'i').test(practice);
}

/** A sub-heading kept with the first lines of what follows it. */
function SubHeading({ children }: { children: string }) {
  return (
    <Text style={styles.h3} minPresenceAhead={tokens.keepWithNext}>
      {children}
    </Text>
  );
}

/**
 * The after-sales plan: order check, first use, service follow-up, care tips, business help. The lost-sale
 * follow-up is the owner's own practice for a customer who did not buy: it stays out of the charter handed
 * to prospects and customers.
 */
export function AfterSalesPlan({
  afterSales,
  handover,
  locale,
  t,
}: {
  afterSales: AfterSales;
  handover: Handover;
  locale: Locale;
  t: PdfWords;
}) {
  const d = (x: Duration) => charterMessage(locale, describeDuration(x));
  return (
    <View style={styles.section}>
      <View wrap={false}>
        <Heading>{t('afterSales')}</Heading>
        <SubHeading>{t('orderCheck')}</SubHeading>
        {afterSales.orderCheck.practice.trim() !== '' && (
          <Text style={styles.paragraph}>{afterSales.orderCheck.practice}</Text>
        )}
      </View>
      {!practiceNamesNotice(
        afterSales.orderCheck.practice,
        afterSales.orderCheck.delayNoticeWithin,
        locale,
      ) && (
        <Text style={styles.paragraph}>
          {t('orderDelay', { duration: d(afterSales.orderCheck.delayNoticeWithin) })}
        </Text>
      )}
      <View wrap={false}>
        <SubHeading>{t('firstUse')}</SubHeading>
        <Text style={styles.paragraph}>
          {t('firstUseText', {
            duration: d(afterSales.firstUse.after),
            handover: charterMessage(locale, handoverName(handover)),
            reach: t(`reach.${afterSales.firstUse.channel}`),
          })}
        </Text>
      </View>
      <View wrap={false}>
        <SubHeading>{t('service')}</SubHeading>
        <Text style={styles.paragraph}>
          {t(afterSales.serviceFollowUp.untilConfirmed ? 'serviceTextUntilConfirmed' : 'serviceText', {
            every: charterMessage(locale, describeEvery(afterSales.serviceFollowUp.every)),
          })}
        </Text>
      </View>
      {afterSales.careTips.content.length > 0 && (
        <>
          <SubHeading>{t('careTips')}</SubHeading>
          <RichText doc={afterSales.careTips} />
        </>
      )}
      {afterSales.businessHelp.enabled && afterSales.businessHelp.offers.some((o) => o.trim() !== '') && (
        <>
          <SubHeading>{t('businessHelp')}</SubHeading>
          {afterSales.businessHelp.offers
            .filter((o) => o.trim() !== '')
            .map((offer, i) => (
              <View key={i} style={styles.listItem} wrap={false}>
                <Text style={styles.bullet}>•</Text>
                <Text style={styles.listBody}>{offer}</Text>
              </View>
            ))}
        </>
      )}
    </View>
  );
}
