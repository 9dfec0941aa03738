/** The number of pages of a PDF as pdfkit writes it: its `/Type /Page` objects (not the `/Pages` tree). */
export function countPdfPages(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes);
  return (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/**
 * A render whose page numbers cost no extra layout when the page count is known in advance: `render` is
 * called with `known` (the previous render's count for the same charter; null when there is none, which
 * renders with react-pdf's exact page numbers), the pages of the result are counted, and when the count
 * differs from `known` the document is rendered once more with the count it really has (page numbers take
 * a fixed width, so they never change the count themselves).
 */
export async function renderCounted<Bytes extends Uint8Array>(
  render: (pageCount: number | null) => Promise<Bytes>,
  known: number | null,
): Promise<{ bytes: Bytes; pages: number }> {
  const bytes = await render(known);
  const pages = countPdfPages(bytes);
  if (known === null || pages === known) return { bytes, pages };
  return { bytes: await render(pages), pages };
}
