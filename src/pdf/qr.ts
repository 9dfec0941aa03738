import { encode } from 'uqr';

/**
 * The largest QR version drawn. With modules of at least 0.4 mm (what phone cameras read from a hand's
 * length) a version-25 code is 50 mm wide with its quiet zone; larger codes would crowd the cover, so a
 * longer link is printed as clickable text only. Version 25 holds about 1,270 bytes at level L.
 */
export const QR_MAX_VERSION = 25;

/** The quiet zone around the code, in modules (the QR specification asks for 4). */
export const QR_QUIET_ZONE = 4;

/**
 * The modules of the QR code of `text`, quiet zone included (`true` is dark), or null when `text` does not
 * fit in a code of at most QR_MAX_VERSION. Level L: the code is printed, not worn out on a sticker.
 */
export function qrModules(text: string): boolean[][] | null {
  try {
    return encode(text, { ecc: 'L', maxVersion: QR_MAX_VERSION, border: QR_QUIET_ZONE }).data;
  } catch {
    // uqr throws when the data does not fit in the allowed versions.
    return null;
  }
}

/**
 * An SVG path of `modules` in module units: one closed rectangle per horizontal run of dark modules (a
 * third of the squares one per module would take, which matters: the path is a good part of the PDF).
 */
export function qrPath(modules: boolean[][]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let end = x;
      while (row[end + 1]) end++;
      const run = end - x + 1;
      parts.push(`M${x} ${y}h${run}v1h-${run}z`);
      x = end;
    }
  });
  return parts.join('');
}
