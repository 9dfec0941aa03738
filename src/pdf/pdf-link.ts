import type { Charter } from '../domain/charter/charter';
import { MAX_LINK_LENGTH, encodeShareLink, shareLinkLength } from '../domain/interchange/share-link';
import type { Deflate } from '../domain/interchange/share-link';

/** The charter's public link as the PDF prints it: `label` is shown, `href` is where it leads. */
export type PdfLink = { href: string; label: string };

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
 * The link the PDF carries: the share link of the published charter on the public base URL, or null when
 * no base URL is set, the charter is not published (a published charter is its frozen snapshot), or the
 * link would be too long to share.
 */
export async function pdfLinkFor(
  charter: Charter,
  publicBaseUrl: string,
  compress: Deflate,
): Promise<PdfLink | null> {
  const base = publicBaseUrl.trim().replace(/#.*$/, '');
  if (base === '' || charter.status !== 'published') return null;
  const result = await encodeShareLink({ charter }, { compress });
  if (!result.ok || shareLinkLength(`/s/${result.text}`, base) > MAX_LINK_LENGTH) return null;
  const href = `${base}#/s/${result.text}`;
  return { href, label: pdfLinkLabel(href) };
}
