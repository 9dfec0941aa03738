import { Image, Link, Text, View } from '@react-pdf/renderer';
import type { Charter } from '../../domain/charter/charter';
import type { Commitment } from '../../domain/charter/commitment';
import { describeCommitment, describeDeadline } from '../../domain/charter/commitment-text';
import type { Locale } from '../../domain/common';
import { charterMessage } from '../../i18n/charter-message';
import type { PdfWords } from '../pdf-words';
import type { PdfLink } from '../pdf-link';
import { styles } from '../styles';
import { bookmark } from './plan';
import { ShareLink } from './share-link';

type Props = {
  title: string;
  owner: Charter['owner'];
  status: Charter['status'];
  version: number;
  publishedOn: string | null;
  /** The promises shown at a glance (the first three of the charter). */
  promises: Commitment[];
  locale: Locale;
  link: PdfLink | null;
  t: PdfWords;
};

/** Each contact detail with where a click on it leads: a call, an email, the web page. */
function contactLinks(owner: Charter['owner']): { text: string; href: string }[] {
  const links: { text: string; href: string }[] = [];
  const phone = owner.phone.trim();
  if (phone) links.push({ text: phone, href: `tel:${phone.replace(/[^+0-9]/g, '')}` });
  const email = owner.email.trim();
  if (email) links.push({ text: email, href: `mailto:${email}` });
  const web = owner.website.trim();
  if (web)
    links.push({
      text: web.replace(/^https?:\/\//, '').replace(/\/$/, ''),
      href: /^https?:\/\//.test(web) ? web : `https://${web}`,
    });
  return links;
}

/**
 * The cover page: the charter's title, the owner (photo, name, role and company, clickable contacts), the
 * version and publish date, the main promises with their deadlines at a glance, and the link or QR code.
 */
export function Cover({ title, owner, status, version, publishedOn, promises, locale, link, t }: Props) {
  const contacts = contactLinks(owner);
  const who = [owner.role, owner.company].filter((v) => v.trim() !== '').join(' · ');
  return (
    <View style={styles.cover}>
      <View style={styles.coverBand}>
        <View style={styles.coverRow}>
          <View style={styles.coverText}>
            <Text style={styles.kicker}>{t('charter').toUpperCase()}</Text>
            <Text style={styles.title} {...bookmark(title)}>
              {title}
            </Text>
            {owner.name.trim() !== '' && <Text style={styles.owner}>{owner.name}</Text>}
            {who !== '' && <Text style={styles.text}>{who}</Text>}
            {contacts.length > 0 && (
              <View style={styles.coverContact}>
                {contacts.map((c) => (
                  <Link key={c.href} src={c.href} style={[styles.text, styles.link]}>
                    {c.text}
                  </Link>
                ))}
              </View>
            )}
            <Text style={[styles.small, { marginTop: 8 }]}>
              {status === 'published' ? t('version', { version }) : t('draft', { version })}
              {publishedOn ? ` · ${t('publishedOn', { date: publishedOn })}` : ''}
            </Text>
          </View>
          {owner.photo && <Image src={owner.photo} style={styles.photo} />}
        </View>
      </View>
      {promises.length > 0 && (
        <View>
          <Text style={styles.coverLabel}>{t('atAGlance')}</Text>
          <View style={styles.glance}>
            {promises.map((c) => (
              <View key={c.id} style={styles.glanceRow} wrap={false}>
                <Text style={styles.glanceWhen}>{charterMessage(locale, describeDeadline(c, locale))}</Text>
                <Text style={styles.glanceWhat}>{charterMessage(locale, describeCommitment(c, locale))}</Text>
              </View>
            ))}
          </View>
          <Text style={styles.note}>{t('fullCharter')}</Text>
        </View>
      )}
      <ShareLink link={link} t={t} />
    </View>
  );
}
