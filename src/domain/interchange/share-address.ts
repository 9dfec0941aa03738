// Its own small module: the first page load asks it whether to open the customer view, without the codec.

/** The location hash under which the customer view reads a share link: `#/s/<link text>`. */
const SHARE_HASH = '#/s/';

/** The address that opens the customer view of share-link `text`: `baseUrl#/s/text`. */
export function shareUrl(baseUrl: string, text: string): string {
  return `${baseUrl}${SHARE_HASH}${text}`;
}

/** The share-link text of location hash `hash` (`#/s/<text>` → `<text>`), or null for any other hash. */
export function shareTextOf(hash: string): string | null {
  return hash.startsWith(SHARE_HASH) ? hash.slice(SHARE_HASH.length) : null;
}
