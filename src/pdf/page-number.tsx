import { Canvas, Font, Text } from '@react-pdf/renderer';
import { tokens } from './styles';
import type { styles } from './styles';

/** The pages of one render as they are drawn: react-pdf draws each page once, in order. */
export class PageCounter {
  private drawn = 0;
  next(): number {
    this.drawn += 1;
    return this.drawn;
  }
}

/** The width kept for "Page 12 of 12" / "12쪽 중 12쪽" at the footer's size. */
const WIDTH = 90;

type Painter = {
  font: (font: unknown, size: number) => Painter;
  fillColor: (color: string) => Painter;
  text: (text: string, x: number, y: number, options: object) => Painter;
};

/**
 * "Page n of N" in the footer of every page.
 *
 * Without `pageCount`, a render prop: exact, but react-pdf then lays out the whole remaining document once
 * more for every page it cuts and once more per page at the end, about 40 % of a render. With `pageCount`
 * (the count of the previous render, which the live preview knows: see renderCounted), a canvas that
 * counts the pages as they are drawn (in order, once each), with no extra layout. The text is drawn with
 * the same embedded font, size and colour, right-aligned in the same place.
 */
export function PageNumber({
  label,
  fontFamily,
  pageCount,
  counter,
  style,
}: {
  label: (page: number, total: number) => string;
  fontFamily: string;
  pageCount: number | null;
  /** Shared by every footer of one document (the cover's and the body's). */
  counter: PageCounter;
  style: typeof styles.footerPage;
}) {
  if (pageCount === null)
    return <Text style={style} render={({ pageNumber, totalPages }) => label(pageNumber, totalPages)} />;
  const paint = (painter: Painter, width: number) => {
    const page = counter.next();
    const font = (Font.getFont({ fontFamily, fontWeight: 400 }) as { data?: unknown } | null)?.data;
    if (font)
      painter
        .font(font, tokens.font.small)
        .fillColor(tokens.color.muted)
        .text(label(page, pageCount), 0, 0, { width, align: 'right', lineBreak: false });
    return null;
  };
  return (
    <Canvas
      style={[style, { width: WIDTH, height: tokens.font.small * 1.25 }]}
      paint={paint as (painter: unknown, width: number) => null}
    />
  );
}
