import { Image, Text, View } from '@react-pdf/renderer';
import type { Charter } from '../../domain/charter/charter';
import type { PdfLabels } from '../labels';
import type { PdfLink } from '../pdf-link';
import { styles } from '../styles';
import { ShareLink } from './share-link';

type Props = {
  title: string;
  owner: Charter['owner'];
  status: Charter['status'];
  version: number;
  publishedOn: string | null;
  link: PdfLink | null;
  labels: PdfLabels;
};

/** Owner, photo, company and contact, the charter's title, its version and publish date, and its link. */
export function Cover({ title, owner, status, version, publishedOn, link, labels }: Props) {
  const contact = [owner.phone, owner.email, owner.website].filter((v) => v.trim() !== '');
  return (
    <View style={styles.cover}>
      <View style={styles.coverRow}>
        <View style={styles.coverText}>
          <Text style={styles.kicker}>{labels.charter.toUpperCase()}</Text>
          <Text style={styles.title}>{title}</Text>
          <Text style={styles.owner}>
            {[owner.name, owner.role].filter((v) => v.trim() !== '').join(' · ')}
          </Text>
          {owner.company.trim() !== '' && <Text>{owner.company}</Text>}
          {contact.length > 0 && <Text style={styles.muted}>{contact.join('  ·  ')}</Text>}
          <Text style={styles.small}>
            {status === 'published' ? labels.version(version) : labels.draft(version)}
            {publishedOn ? ` · ${labels.publishedOn(publishedOn)}` : ''}
          </Text>
        </View>
        {owner.photo && <Image src={owner.photo} style={styles.photo} />}
      </View>
      <ShareLink link={link} labels={labels} />
    </View>
  );
}
