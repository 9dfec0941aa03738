import { Document, Page, Text, View } from '@react-pdf/renderer';
import { Fragment } from 'react';
import type { ReactElement } from 'react';
import type { Charter } from '../domain/charter/charter';
import { defaultTimeZone } from '../domain/clock/time-zone';
import { pdfWords } from './pdf-words';
import { PageCounter, PageNumber } from './page-number';
import type { PdfWords } from './pdf-words';
import type { PdfLink } from './pdf-link';
import { AfterSalesPlan } from './sections/after-sales';
import { Commitments } from './sections/commitments';
import { Cover } from './sections/cover';
import { Alternatives, Moments, Phases, Recovery } from './sections/plan';
import { TrackRecordSection } from './sections/track-record';
import type { TrackRecord } from './sections/track-record';
import { Vision } from './sections/vision';
import { pdfSafeCharter, pdfSafeText } from './safe-text';
import { styles } from './styles';

export type CharterDocumentProps = {
  charter: Charter;
  /** The registered font family to use (see pickFontFamily). */
  fontFamily: string;
  trackRecord?: TrackRecord | null;
  /** The charter's public link (see pdfLinkFor), printed on the cover as a QR code and short text. */
  link?: PdfLink | null;
  /**
   * How many pages the document has, when the caller knows it (the live preview: the previous render's
   * count, checked afterwards by renderCounted); page numbers then cost no extra layout (see PageNumber).
   */
  pageCount?: number | null;
  /**
   * The IANA time zone of the owner's business calendar: every date printed is the day it is there
   * (publication, track record period and as-of). Default: Asia/Seoul, the calendar's default.
   */
  timeZone?: string;
};

type Context = {
  charter: Charter;
  t: PdfWords;
  trackRecord: TrackRecord | null;
  link: PdfLink | null;
  /** The day an instant falls on in the owner's time zone, written out in the charter's language. */
  formatDay: (ms: number) => string;
};

// The track record follows the commitments it measures; the cover has its own page (see CharterDocument).
const SECTION_ORDER = [
  'vision',
  'commitments',
  'trackRecord',
  'phases',
  'moments',
  'recovery',
  'alternatives',
  'afterSales',
] as const;
type SectionId = (typeof SECTION_ORDER)[number];

const bcp47 = (charter: Charter) => (charter.locale === 'ko' ? 'ko-KR' : 'en-US');

/** `ms` as the long date of the day it is in `timeZone` ("2026년 12월 3일", "December 3, 2026"). */
function dayFormatter(charter: Charter, timeZone: string): (ms: number) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(bcp47(charter), { dateStyle: 'long', timeZone });
  } catch {
    // A zone this runtime does not know (restore() checked the name): the calendar's default zone.
    format = new Intl.DateTimeFormat(bcp47(charter), { dateStyle: 'long', timeZone: defaultTimeZone });
  }
  return (ms) => format.format(new Date(ms));
}

/** About one footer line at 8 pt beside the page number: a Hangul or CJK character counts two. */
const FOOTER_BUDGET = 96;

/** `text` cut to one footer line, with an ellipsis when cut (react-pdf's own ellipsis is not reliable). */
export function footerText(text: string): string {
  let used = 0;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    used += /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff]/.test(chars[i]!) ? 2 : 1;
    if (used > FOOTER_BUDGET) return `${chars.slice(0, i).join('').trimEnd()}…`;
  }
  return text;
}

/** The footer of every page: the charter named once, and "Page n of N". */
function Footer({
  text,
  t,
  fontFamily,
  pageCount,
  counter,
}: {
  text: string;
  t: PdfWords;
  fontFamily: string;
  pageCount: number | null;
  counter: PageCounter;
}) {
  return (
    <View style={styles.footer} fixed>
      <Text style={styles.footerText}>{text}</Text>
      <PageNumber
        label={(page, total) => t('page', { page, total })}
        fontFamily={fontFamily}
        pageCount={pageCount}
        counter={counter}
        style={styles.footerPage}
      />
    </View>
  );
}

/** The cover page: who, what, the main promises at a glance, and the link. */
function CoverSection({ charter, t, link, formatDay }: Context) {
  return (
    <Cover
      title={charter.title.trim() || t('charter')}
      owner={charter.owner}
      status={charter.status}
      version={charter.version}
      publishedOn={charter.publishedAt ? formatDay(Date.parse(charter.publishedAt)) : null}
      promises={charter.commitments.slice(0, 3)}
      locale={charter.locale}
      link={link}
      t={t}
    />
  );
}

// Each section takes only the data it shows; this map is the one place that knows where it comes from.
const SECTIONS: Record<SectionId, (ctx: Context) => ReactElement | null> = {
  vision: ({ charter, t }) => <Vision vision={charter.vision} serviceLevel={charter.serviceLevel} t={t} />,
  commitments: ({ charter, t }) => (
    <Commitments commitments={charter.commitments} locale={charter.locale} t={t} />
  ),
  phases: ({ charter, t }) => <Phases checkIns={charter.checkIns} t={t} />,
  moments: ({ charter, t }) => (
    <Moments moments={charter.moments} handover={charter.handover} locale={charter.locale} t={t} />
  ),
  recovery: ({ charter, t }) => (
    <Recovery
      promise={charter.recovery.promise}
      steps={charter.recovery.steps}
      locale={charter.locale}
      t={t}
    />
  ),
  alternatives: ({ charter, t }) => <Alternatives alternatives={charter.alternatives} t={t} />,
  afterSales: ({ charter, t }) => (
    <AfterSalesPlan
      afterSales={charter.afterSales}
      handover={charter.handover}
      locale={charter.locale}
      t={t}
    />
  ),
  trackRecord: ({ charter, t, trackRecord, formatDay }) =>
    trackRecord ? (
      <TrackRecordSection
        record={trackRecord}
        t={t}
        formatPercent={(share) =>
          new Intl.NumberFormat(bcp47(charter), { style: 'percent', maximumFractionDigits: 0 }).format(share)
        }
        formatDate={formatDay}
      />
    ) : null,
};

/** The shareable charter PDF: every section in order, page numbers and a footer on every page. */
export function CharterDocument({
  charter: raw,
  fontFamily,
  trackRecord: rawRecord = null,
  link = null,
  pageCount = null,
  timeZone = defaultTimeZone,
}: CharterDocumentProps) {
  const charter = pdfSafeCharter(raw);
  const trackRecord = rawRecord && {
    ...rawRecord,
    rows: rawRecord.rows.map((row) => ({ ...row, label: pdfSafeText(row.label) })),
  };
  const t = pdfWords(charter.locale);
  const title = charter.title.trim() || t('charter');
  const ctx: Context = { charter, t, trackRecord, link, formatDay: dayFormatter(charter, timeZone) };
  // The footer names the owner once: not again when the title already holds the name.
  const name = charter.owner.name.trim();
  // Pages drawn so far, shared by both pages' footers (see PageNumber); new for every render.
  const counter = new PageCounter();
  const footer = footerText(name === '' || title.includes(name) ? title : `${name} · ${title}`);
  return (
    <Document
      title={title}
      author={name || t('charter')}
      subject={`${t('charter')} — ${charter.status === 'published' ? t('version', { version: charter.version }) : t('draft', { version: charter.version })}`}
      keywords={[t('keywords'), charter.owner.role].filter((k) => k.trim() !== '').join(', ')}
      language={bcp47(charter)}
      creator="Service Charter"
      producer="Service Charter"
      pageMode="useOutlines"
    >
      <Page size="A4" style={[styles.page, styles.coverPage, { fontFamily }]}>
        <CoverSection {...ctx} />
        <Footer text={footer} t={t} fontFamily={fontFamily} pageCount={pageCount} counter={counter} />
      </Page>
      <Page size="A4" style={[styles.page, { fontFamily }]}>
        {/* Sections sit directly on the page, not each in a wrapper View: react-pdf keeps a block that
            cannot split on the current page when it is the first thing in its parent, so a wrapper made
            every section "first" and a section that did not fit was squeezed into the page's foot. */}
        {SECTION_ORDER.map((id) => (
          <Fragment key={id}>{SECTIONS[id](ctx)}</Fragment>
        ))}
        <Footer text={footer} t={t} fontFamily={fontFamily} pageCount={pageCount} counter={counter} />
      </Page>
    </Document>
  );
}
