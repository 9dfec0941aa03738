import { StyleSheet } from '@react-pdf/renderer';

// Every size (points), colour and font of the PDF lives here.
// Line heights are set on text styles next to their font size: a lineHeight on a View without a fontSize
// resolves against react-pdf's 18 pt default (1.5 × 18 = 27 pt lines for 10 pt text).
export const tokens = {
  page: { size: 'A4' as const, margin: 48, marginBottom: 64 },
  font: { h1: 26, h2: 16, h3: 12, body: 10, table: 9.5, small: 8 },
  // Korean body text reads best at about 1.6; tables at about 1.4; headings tight.
  leading: { body: 1.55, table: 1.4, heading: 1.25 },
  color: {
    ink: '#1b2430',
    muted: '#4f5b69',
    brand: '#1f4e79',
    line: '#d5dbe3',
    wash: '#f1f5f9',
    ok: '#1e6b3a',
  },
  space: { xs: 2, s: 4, m: 8, l: 14, xl: 24, xxl: 40 },
  // A heading needs room for about three lines of what follows, or it moves to the next page.
  keepWithNext: 100,
  // The QR code: at least 72 pt (25.4 mm) wide and 0.4 mm a module, so phones read it; pure black on
  // white for the most contrast.
  qr: { minSize: 72, minModule: 1.134, dark: '#000000', light: '#ffffff' },
};

const body = { fontSize: tokens.font.body, lineHeight: tokens.leading.body };
const cell = {
  fontSize: tokens.font.table,
  lineHeight: tokens.leading.table,
  paddingHorizontal: tokens.space.s,
};

export const styles = StyleSheet.create({
  page: {
    paddingTop: tokens.page.margin,
    paddingHorizontal: tokens.page.margin,
    paddingBottom: tokens.page.marginBottom,
    fontSize: tokens.font.body,
    color: tokens.color.ink,
  },
  coverPage: { justifyContent: 'space-between' },
  cover: { flexGrow: 1 },
  coverRow: { flexDirection: 'row', gap: tokens.space.l, alignItems: 'flex-start' },
  coverText: { flexGrow: 1, flexShrink: 1, flexBasis: 0 },
  coverBand: {
    borderBottomWidth: 3,
    borderBottomColor: tokens.color.brand,
    paddingBottom: tokens.space.xl,
    marginBottom: tokens.space.xl,
  },
  coverContact: { marginTop: tokens.space.m },
  coverLabel: {
    fontSize: tokens.font.small,
    lineHeight: tokens.leading.heading,
    color: tokens.color.muted,
    fontWeight: 700,
    letterSpacing: 0.5,
    marginTop: tokens.space.l,
    marginBottom: tokens.space.s,
  },
  glance: { borderTopWidth: 1, borderTopColor: tokens.color.line },
  glanceRow: {
    flexDirection: 'row',
    borderBottomWidth: 1,
    borderBottomColor: tokens.color.line,
    paddingVertical: tokens.space.m,
  },
  glanceWhen: {
    width: 150,
    fontSize: tokens.font.h3,
    lineHeight: tokens.leading.heading,
    fontWeight: 700,
    color: tokens.color.brand,
    paddingRight: tokens.space.m,
  },
  glanceWhat: { flexGrow: 1, flexShrink: 1, flexBasis: 0, ...body },
  shareLink: { flexDirection: 'row', alignItems: 'center', gap: tokens.space.m, marginTop: tokens.space.l },
  shareLinkText: { flexGrow: 1, flexShrink: 1, flexBasis: 0 },
  photo: { width: 88, height: 88, borderRadius: 44, objectFit: 'cover' },
  kicker: {
    fontSize: tokens.font.small,
    lineHeight: tokens.leading.heading,
    color: tokens.color.brand,
    fontWeight: 700,
    letterSpacing: 1,
  },
  title: {
    fontSize: tokens.font.h1,
    lineHeight: tokens.leading.heading,
    fontWeight: 700,
    marginVertical: tokens.space.m,
    // react-pdf reserves 5 pt for the hyphen it adds where it breaks a long word (a URL in a title); at 26 pt
    // that hyphen is about 9 pt wide, so the line needs the difference spare.
    paddingRight: tokens.space.s,
  },
  owner: { fontSize: tokens.font.h3, lineHeight: tokens.leading.heading, fontWeight: 700 },
  text: body,
  muted: { color: tokens.color.muted },
  small: { fontSize: tokens.font.small, lineHeight: tokens.leading.table, color: tokens.color.muted },
  section: { marginBottom: tokens.space.xl },
  h2: {
    fontSize: tokens.font.h2,
    lineHeight: tokens.leading.heading,
    fontWeight: 700,
    color: tokens.color.brand,
    marginBottom: tokens.space.m,
  },
  h3: {
    fontSize: tokens.font.h3,
    lineHeight: tokens.leading.heading,
    fontWeight: 700,
    marginTop: tokens.space.m,
    marginBottom: tokens.space.s,
  },
  paragraph: { ...body, marginBottom: tokens.space.s },
  bold: { fontWeight: 700 },
  italic: { fontStyle: 'italic' },
  link: { color: tokens.color.brand, textDecoration: 'underline' },
  listItem: { flexDirection: 'row', marginBottom: tokens.space.xs },
  bullet: { width: 14, ...body },
  // flexBasis 0: the body takes what is left after the bullet, never the full width beside it.
  listBody: { flexGrow: 1, flexShrink: 1, flexBasis: 0, ...body },
  table: { borderTopWidth: 1, borderTopColor: tokens.color.line },
  row: {
    flexDirection: 'row',
    borderBottomWidth: 1,
    borderBottomColor: tokens.color.line,
    paddingVertical: tokens.space.s,
  },
  headRow: {
    flexDirection: 'row',
    backgroundColor: tokens.color.wash,
    paddingVertical: tokens.space.s,
    borderBottomWidth: 1,
    borderBottomColor: tokens.color.line,
  },
  headCell: { fontWeight: 700 },
  cellNumber: { ...cell, width: 22, fontWeight: 700, color: tokens.color.brand },
  cellPromise: { ...cell, flexGrow: 1, flexShrink: 1, flexBasis: 0 },
  cellDeadline: { ...cell, width: 92, fontWeight: 700 },
  cellFor: { ...cell, width: 70 },
  cellMeasure: { ...cell, width: 150, color: tokens.color.muted },
  phaseRow: {
    flexDirection: 'row',
    borderTopWidth: 1,
    borderTopColor: tokens.color.line,
    paddingVertical: tokens.space.s,
  },
  phaseName: {
    width: 80,
    fontSize: tokens.font.body,
    lineHeight: tokens.leading.body,
    fontWeight: 700,
    color: tokens.color.brand,
  },
  phaseItems: { flexGrow: 1, flexShrink: 1, flexBasis: 0 },
  timelineItem: { flexDirection: 'row', marginBottom: tokens.space.xs },
  timelineWhen: { width: 150, ...body, color: tokens.color.brand, fontWeight: 700 },
  timelineBody: { flexGrow: 1, flexShrink: 1, flexBasis: 0, ...body },
  footer: {
    position: 'absolute',
    bottom: 28,
    left: tokens.page.margin,
    right: tokens.page.margin,
    flexDirection: 'row',
    justifyContent: 'space-between',
    // No lineHeight here: react-pdf then drops this fixed, absolutely placed footer from every page.
    fontSize: tokens.font.small,
    color: tokens.color.muted,
    borderTopWidth: 1,
    borderTopColor: tokens.color.line,
    paddingTop: tokens.space.s,
  },
  // The text is cut to one line before it gets here (footerText); the page number keeps its width.
  footerText: { flexGrow: 1, flexShrink: 1, flexBasis: 0, paddingRight: tokens.space.l },
  footerPage: { flexShrink: 0 },
  recordRow: {
    flexDirection: 'row',
    borderBottomWidth: 1,
    borderBottomColor: tokens.color.line,
    paddingVertical: tokens.space.xs,
  },
  recordLabel: { ...cell, flexGrow: 1, flexShrink: 1, flexBasis: 0 },
  recordValue: { ...cell, width: 110, textAlign: 'right', fontWeight: 700 },
  note: {
    fontSize: tokens.font.small,
    lineHeight: tokens.leading.table,
    color: tokens.color.muted,
    marginTop: tokens.space.s,
  },
});
