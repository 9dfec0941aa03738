import { Text, View } from '@react-pdf/renderer';
import type { Charter } from '../../domain/charter/charter';
import type { RichTextDoc } from '../../domain/rich-text/rich-text';
import { RichText } from '../blocks/rich-text';
import type { PdfWords } from '../pdf-words';
import { styles, tokens } from '../styles';
import { Heading } from './plan';

/** The service vision in the owner's words, and the service level they hold themselves to. */
export function Vision({
  vision,
  serviceLevel,
  t,
}: {
  vision: RichTextDoc;
  serviceLevel: Charter['serviceLevel'];
  t: PdfWords;
}) {
  return (
    <View style={styles.section}>
      <Heading>{t('vision')}</Heading>
      {vision.content.length > 0 && <RichText doc={vision} />}
      <Text style={styles.h3} minPresenceAhead={tokens.keepWithNext}>
        {t('serviceLevel')}: {t(`tiers.${serviceLevel.tier}`)}
      </Text>
      <Text style={styles.paragraph}>{t(`tierText.${serviceLevel.tier}`)}</Text>
      {serviceLevel.ownsService && <Text style={styles.paragraph}>{t('ownsService')}</Text>}
    </View>
  );
}
