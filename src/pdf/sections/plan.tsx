import { Text, View } from '@react-pdf/renderer';
import type { Alternative, Charter, Moment, RecoveryStep } from '../../domain/charter/charter';
import { formatDuration } from '../../domain/charter/commitment-text';
import type { Locale } from '../../domain/common';
import type { PdfLabels } from '../labels';
import { styles } from '../styles';

/** Planned check-ins before, during and after the deal, side by side. */
export function Phases({ checkIns, labels }: { checkIns: Charter['checkIns']; labels: PdfLabels }) {
  const phases = (['before', 'during', 'after'] as const).filter((p) => checkIns[p].length > 0);
  if (phases.length === 0) return null;
  return (
    <View style={styles.section}>
      <Text style={styles.h2}>{labels.phases}</Text>
      <View style={styles.columns}>
        {phases.map((phase) => (
          <View key={phase} style={styles.column}>
            <Text style={styles.h3}>{labels[phase]}</Text>
            {checkIns[phase].map((c) => (
              <Text key={c.id} style={styles.paragraph}>
                {c.action}
                {c.timing ? ` — ${c.timing}` : ''} ({labels.channels[c.channel]})
              </Text>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}

/** The moments that matter as a timeline: when, how, and what happens. */
export function Moments({ moments, labels }: { moments: Moment[]; labels: PdfLabels }) {
  if (moments.length === 0) return null;
  return (
    <View style={styles.section}>
      <Text style={styles.h2}>{labels.moments}</Text>
      {moments.map((m) => (
        <View key={m.id} style={styles.timelineItem} wrap={false}>
          <Text style={styles.timelineWhen}>{labels.dayAfter(m.offsetDays, m.anchor)}</Text>
          <Text style={styles.timelineBody}>
            <Text style={styles.bold}>{m.label}</Text> ({labels.channels[m.channel]})
          </Text>
        </View>
      ))}
    </View>
  );
}

/** The recovery promise and its steps with their time limits. */
export function Recovery({
  promise,
  steps,
  locale,
  labels,
}: {
  promise: string;
  steps: RecoveryStep[];
  locale: Locale;
  labels: PdfLabels;
}) {
  if (!promise.trim() && steps.length === 0) return null;
  return (
    <View style={styles.section}>
      <Text style={styles.h2} minPresenceAhead={40}>
        {labels.recovery}
      </Text>
      {promise.trim() !== '' && <Text style={styles.paragraph}>{promise}</Text>}
      {steps.map((s, i) => (
        <View key={s.id} style={styles.listItem} wrap={false}>
          <Text style={styles.bullet}>{i + 1}.</Text>
          <Text style={styles.listBody}>
            {s.action} — {labels.within(formatDuration(s.within, locale))}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** Requests the owner cannot grant directly, each with what they offer instead. */
export function Alternatives({ alternatives, labels }: { alternatives: Alternative[]; labels: PdfLabels }) {
  if (alternatives.length === 0) return null;
  return (
    <View style={styles.section}>
      <Text style={styles.h2}>{labels.alternatives}</Text>
      {alternatives.map((a) => (
        <View key={a.id} style={styles.paragraph} wrap={false}>
          <Text>
            <Text style={styles.bold}>{labels.youAsk}: </Text>
            {a.request}
          </Text>
          <Text>
            <Text style={styles.bold}>{labels.iOffer}: </Text>
            {a.offers.filter((o) => o.trim() !== '').join(' · ')}
          </Text>
        </View>
      ))}
    </View>
  );
}
