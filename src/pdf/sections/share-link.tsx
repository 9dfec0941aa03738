import { Link, Path, Rect, Svg, Text, View } from '@react-pdf/renderer';
import type { PdfWords } from '../pdf-words';
import type { PdfLink } from '../pdf-link';
import { qrModules, qrPath } from '../qr';
import { styles, tokens } from '../styles';

/**
 * "Open this charter online": a QR code (of the link, or of its summary when the whole charter does not
 * fit in one, see pdfLinkFor) and the link as short clickable text whose target is the full link.
 */
export function ShareLink({ link, t }: { link: PdfLink | null; t: PdfWords }) {
  if (!link) return null;
  const modules = link.qr ? qrModules(link.qr.href) : null;
  const n = modules?.length ?? 0;
  const side = Math.max(tokens.qr.minSize, n * tokens.qr.minModule);
  return (
    <View style={styles.shareLink} wrap={false}>
      {modules && (
        <Svg width={side} height={side} viewBox={`0 0 ${n} ${n}`}>
          <Rect x={0} y={0} width={n} height={n} fill={tokens.qr.light} />
          <Path d={qrPath(modules)} fill={tokens.qr.dark} />
        </Svg>
      )}
      <View style={styles.shareLinkText}>
        <Text style={styles.small}>{modules && link.qr?.summary ? t('scanSummary') : t('scan')}</Text>
        <Link src={link.href} style={styles.link}>
          {link.label}
        </Link>
      </View>
    </View>
  );
}
