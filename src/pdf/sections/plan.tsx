import { Text, View } from '@react-pdf/renderer';
import { Children } from 'react';
import type { ReactNode } from 'react';
import type { Alternative, Charter, Moment, RecoveryStep } from '../../domain/charter/charter';
import { describeDuration } from '../../domain/charter/commitment-text';
import { momentWhen, momentsInOrder } from '../../domain/charter/handover';
import type { Handover } from '../../domain/charter/handover';
import type { Locale } from '../../domain/common';
import { charterMessage } from '../../i18n/charter-message';
import type { PdfWords } from '../pdf-words';
import { styles, tokens } from '../styles';

/** An outline entry for the element (react-pdf reads `bookmark` on any element; its types say Page only). */
export const bookmark = (title: string): object => ({ bookmark: { title, fit: true } });

/** A section heading that never ends a page: it needs room for about three lines after it. */
export function Heading({ children }: { children: string }) {
  return (
    <Text style={styles.h2} {...bookmark(children)} minPresenceAhead={tokens.keepWithNext}>
      {children}
    </Text>
  );
}

/**
 * A section's heading kept on one page with its first block, so a heading never ends a page
 * (react-pdf's minPresenceAhead does not hold when the next block cannot be split).
 */
export function HeadedSection({ heading, children }: { heading: string; children: ReactNode }) {
  // Flattened, so a list's first item (not the whole list) stays with the heading.
  const [first, ...rest] = Children.toArray(children);
  return (
    <View style={styles.section}>
      <View wrap={false}>
        <Heading>{heading}</Heading>
        {first}
      </View>
      {rest}
    </View>
  );
}

/**
 * Planned check-ins before, during and after the deal, one phase a row (name, then its check-ins), so a
 * page break falls between check-ins and never leaves three columns out of step.
 */
export function Phases({ checkIns, t }: { checkIns: Charter['checkIns']; t: PdfWords }) {
  const phases = (['before', 'during', 'after'] as const).filter((p) => checkIns[p].length > 0);
  if (phases.length === 0) return null;
  return (
    <HeadedSection heading={t('phases')}>
      {phases.map((phase) => (
        <View key={phase} style={styles.phaseRow} wrap={false}>
          <Text style={styles.phaseName}>{t(phase)}</Text>
          <View style={styles.phaseItems}>
            {checkIns[phase].map((c) => (
              <View key={c.id} style={styles.listItem} wrap={false}>
                <Text style={styles.bullet}>•</Text>
                <Text style={styles.listBody}>
                  {c.action}
                  {c.timing ? ` — ${c.timing}` : ''} · {t(`channels.${c.channel}`)}
                </Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </HeadedSection>
  );
}

/** The moments that matter as a timeline in time order: when (in the trade's words), what, and how. */
export function Moments({
  moments,
  handover,
  locale,
  t,
}: {
  moments: Moment[];
  handover: Handover;
  locale: Locale;
  t: PdfWords;
}) {
  if (moments.length === 0) return null;
  return (
    <HeadedSection heading={t('moments')}>
      {momentsInOrder(moments).map((m) => (
        <View key={m.id} style={styles.timelineItem} wrap={false}>
          <Text style={styles.timelineWhen}>{charterMessage(locale, momentWhen(m, handover))}</Text>
          <Text style={styles.timelineBody}>
            <Text style={styles.bold}>{m.label}</Text> · {t(`channels.${m.channel}`)}
          </Text>
        </View>
      ))}
    </HeadedSection>
  );
}

/** The recovery promise and its steps with their time limits. */
export function Recovery({
  promise,
  steps,
  locale,
  t,
}: {
  promise: string;
  steps: RecoveryStep[];
  locale: Locale;
  t: PdfWords;
}) {
  if (!promise.trim() && steps.length === 0) return null;
  return (
    <HeadedSection heading={t('recovery')}>
      {promise.trim() !== '' && <Text style={styles.paragraph}>{promise}</Text>}
      {steps.map((s, i) => (
        <View key={s.id} style={styles.listItem} wrap={false}>
          <Text style={styles.bullet}>{i + 1}.</Text>
          <Text style={styles.listBody}>
            {s.action} —{' '}
            <Text style={styles.bold}>
              {t('within', { duration: charterMessage(locale, describeDuration(s.within)) })}
            </Text>
          </Text>
        </View>
      ))}
    </HeadedSection>
  );
}

/** Requests the owner cannot grant directly, each with what they offer instead, as a bulleted list. */
export function Alternatives({ alternatives, t }: { alternatives: Alternative[]; t: PdfWords }) {
  if (alternatives.length === 0) return null;
  return (
    <HeadedSection heading={t('alternatives')}>
      {alternatives.map((a) => (
        <View key={a.id} style={styles.paragraph} wrap={false}>
          <Text style={styles.text}>
            <Text style={styles.bold}>{t('youAsk')}: </Text>
            {a.request}
          </Text>
          <Text style={[styles.text, styles.bold]}>{t('iOffer')}:</Text>
          {a.offers
            .filter((o) => o.trim() !== '')
            .map((offer, i) => (
              <View key={i} style={styles.listItem}>
                <Text style={styles.bullet}>•</Text>
                <Text style={styles.listBody}>{offer}</Text>
              </View>
            ))}
        </View>
      ))}
    </HeadedSection>
  );
}
