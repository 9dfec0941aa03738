import { Text, View } from '@react-pdf/renderer';
import type { Charter } from '../../domain/charter/charter';
import type { RichTextDoc } from '../../domain/rich-text/rich-text';
import { RichText } from '../blocks/rich-text';
import type { PdfLabels } from '../labels';
import { styles, tokens } from '../styles';
import { Heading } from './plan';

/** The service vision in the owner's words, and the service level they hold themselves to. */
export function Vision({
  vision,
  serviceLevel,
  labels,
}: {
  vision: RichTextDoc;
  serviceLevel: Charter['serviceLevel'];
  labels: PdfLabels;
}) {
  return (
    <View style={styles.section}>
      <Heading>{labels.vision}</Heading>
      {vision.content.length > 0 && <RichText doc={vision} />}
      <Text style={styles.h3} minPresenceAhead={tokens.keepWithNext}>
        {labels.serviceLevel}: {labels.tiers[serviceLevel.tier]}
      </Text>
      <Text style={styles.paragraph}>{labels.tierText[serviceLevel.tier]}</Text>
      {serviceLevel.ownsService && <Text style={styles.paragraph}>{labels.ownsService}</Text>}
    </View>
  );
}
