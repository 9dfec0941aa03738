import type { Charter } from '../domain/charter/charter';
import { MAX_LINK_LENGTH, encodeShareLink } from '../domain/interchange/share-link';
import type { Deflate } from '../domain/interchange/share-link';
import { qrModules } from './qr';
import { shareUrl } from '../domain/interchange/share-address';

/**
 * The charter's public link as the PDF prints it: `label` is shown, `href` is where it leads, and `qr`
 * is what the QR code opens: the same link when it fits in a QR code, otherwise a summary link (see
 * summaryCharter), or null when not even that fits.
 */
export type PdfLink = { href: string; label: string; qr?: { href: string; summary: boolean } | null };

/** Characters of the link's payload kept in its printed label (enough to tell two links apart). */
const LABEL_PAYLOAD_CHARS = 8;

/**
 * The printed form of a share link: host and path of the app, then the first characters of the payload
 * and an ellipsis (`charter.example.com/app/#/s/v1.AbCdEf…`). The full link is thousands of characters.
 */
export function pdfLinkLabel(href: string): string {
  const url = new URL(href);
  const hash =
    url.hash.length > 4 + LABEL_PAYLOAD_CHARS ? `${url.hash.slice(0, 4 + LABEL_PAYLOAD_CHARS)}…` : url.hash;
  return `${url.host}${url.pathname === '/' ? '/' : url.pathname}${hash}`;
}

/**
 * What a summary link carries: the charter's title, owner and contacts, service level and its first
 * `count` commitments, and nothing else (the full charter is the PDF the customer holds). A whole charter's
 * link is 3,000–4,100 characters; a phone reads a printed QR code of at most about 1,270 (QR_MAX_VERSION),
 * and the owner, contacts and main promises are what a customer scanning the paper wants on the phone.
 */
export function summaryCharter(charter: Charter, count: number): Charter {
  return {
    ...charter,
    vision: { type: 'doc', content: [] },
    commitments: charter.commitments.slice(0, count),
    checkIns: { before: [], during: [], after: [] },
    moments: [],
    recovery: { promise: '', steps: [] },
    alternatives: [],
    afterSales: {
      ...charter.afterSales,
      orderCheck: { ...charter.afterSales.orderCheck, practice: '' },
      careTips: { type: 'doc', content: [] },
      businessHelp: { enabled: false, offers: [] },
    },
    lostSale: { ...charter.lostSale, message: '' },
  };
}

/** How many promises a summary link carries: the cover's "at a glance" three. */
export const SUMMARY_PROMISES = 3;

/**
 * The link the QR code opens: `href` itself when it fits in a QR code, otherwise the summary link with
 * the cover's main promises (fewer if they do not fit), or null.
 */
async function qrLink(
  charter: Charter,
  href: string,
  base: string,
  compress: Deflate,
  timeZone: string | undefined,
): Promise<PdfLink['qr']> {
  if (qrModules(href)) return { href, summary: false };
  // The three promises the cover shows at a glance: a smaller code than all of them, easier to scan.
  for (let count = Math.min(SUMMARY_PROMISES, charter.commitments.length); count >= 0; count--) {
    // Marked as a summary: the customer view then says the whole charter is the PDF in the customer's hands.
    const result = await encodeShareLink(
      { charter: summaryCharter(charter, count), summary: true, timeZone },
      { compress },
    );
    if (!result.ok) return null;
    const summary = shareUrl(base, result.text);
    if (qrModules(summary)) return { href: summary, summary: true };
  }
  return null;
}

/**
 * The link the PDF carries: the share link of the published charter on the public base URL, or null when
 * no base URL is set, the charter is not published (a published charter is its frozen snapshot), or the
 * link would be too long to share. `timeZone` (the owner's calendar) goes into the link when it is not
 * Asia/Seoul, so the customer view shows the same dates as the PDF.
 */
export async function pdfLinkFor(
  charter: Charter,
  publicBaseUrl: string,
  compress: Deflate,
  timeZone?: string,
): Promise<PdfLink | null> {
  const base = publicBaseUrl.trim().replace(/#.*$/, '');
  if (base === '' || charter.status !== 'published') return null;
  const result = await encodeShareLink({ charter, timeZone }, { compress });
  if (!result.ok) return null;
  const href = shareUrl(base, result.text);
  if (href.length > MAX_LINK_LENGTH) return null;
  return { href, label: pdfLinkLabel(href), qr: await qrLink(charter, href, base, compress, timeZone) };
}
