import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import type { Charter } from '../domain/charter/charter';
import { pdfLabels } from './labels';
import type { PdfLabels } from './labels';
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
};

type Context = {
  charter: Charter;
  labels: PdfLabels;
  trackRecord: TrackRecord | null;
  link: PdfLink | null;
};

const SECTION_ORDER = [
  'cover',
  'vision',
  'commitments',
  'phases',
  'moments',
  'recovery',
  'alternatives',
  'afterSales',
  'trackRecord',
] as const;
type SectionId = (typeof SECTION_ORDER)[number];

const bcp47 = (charter: Charter) => (charter.locale === 'ko' ? 'ko-KR' : 'en-US');

// Each section takes only the data it shows; this map is the one place that knows where it comes from.
const SECTIONS: Record<SectionId, (ctx: Context) => ReactElement | null> = {
  cover: ({ charter, labels, link }) => (
    <Cover
      title={charter.title.trim() || labels.charter}
      owner={charter.owner}
      status={charter.status}
      version={charter.version}
      publishedOn={
        charter.publishedAt
          ? new Intl.DateTimeFormat(bcp47(charter), { dateStyle: 'long', timeZone: 'Asia/Seoul' }).format(
              new Date(charter.publishedAt),
            )
          : null
      }
      link={link}
      labels={labels}
    />
  ),
  vision: ({ charter, labels }) => (
    <Vision vision={charter.vision} serviceLevel={charter.serviceLevel} labels={labels} />
  ),
  commitments: ({ charter, labels }) => (
    <Commitments commitments={charter.commitments} locale={charter.locale} labels={labels} />
  ),
  phases: ({ charter, labels }) => <Phases checkIns={charter.checkIns} labels={labels} />,
  moments: ({ charter, labels }) => <Moments moments={charter.moments} labels={labels} />,
  recovery: ({ charter, labels }) => (
    <Recovery
      promise={charter.recovery.promise}
      steps={charter.recovery.steps}
      locale={charter.locale}
      labels={labels}
    />
  ),
  alternatives: ({ charter, labels }) => <Alternatives alternatives={charter.alternatives} labels={labels} />,
  afterSales: ({ charter, labels }) => (
    <AfterSalesPlan
      afterSales={charter.afterSales}
      lostSale={charter.lostSale}
      locale={charter.locale}
      labels={labels}
    />
  ),
  trackRecord: ({ charter, labels, trackRecord }) =>
    trackRecord ? (
      <TrackRecordSection
        record={trackRecord}
        labels={labels}
        formatPercent={(share) =>
          new Intl.NumberFormat(bcp47(charter), { style: 'percent', maximumFractionDigits: 0 }).format(share)
        }
      />
    ) : null,
};

/** The shareable charter PDF: every section in order, page numbers and a footer on every page. */
export function CharterDocument({
  charter: raw,
  fontFamily,
  trackRecord: rawRecord = null,
  link = null,
}: CharterDocumentProps) {
  const charter = pdfSafeCharter(raw);
  const trackRecord = rawRecord && {
    ...rawRecord,
    rows: rawRecord.rows.map((row) => ({ ...row, label: pdfSafeText(row.label) })),
  };
  const labels = pdfLabels(charter.locale);
  const title = charter.title.trim() || labels.charter;
  const ctx: Context = { charter, labels, trackRecord, link };
  return (
    <Document
      title={title}
      author={charter.owner.name}
      subject={`${labels.charter} — ${charter.status === 'published' ? labels.version(charter.version) : labels.draft(charter.version)}`}
      language={bcp47(charter)}
      creator="Service Charter"
      producer="Service Charter"
    >
      <Page size="A4" style={[styles.page, { fontFamily }]}>
        {/* Line height on the body, not the page: on the page it threw the fixed footer off the page. */}
        <View style={styles.body}>
          {SECTION_ORDER.map((id) => (
            <View key={id}>{SECTIONS[id](ctx)}</View>
          ))}
        </View>
        <View style={styles.footer} fixed>
          <Text>{[charter.owner.name, title].filter((v) => v.trim() !== '').join(' · ')}</Text>
          <Text render={({ pageNumber, totalPages }) => labels.page(pageNumber, totalPages)} />
        </View>
      </Page>
    </Document>
  );
}
