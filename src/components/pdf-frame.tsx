import { useState, useSyncExternalStore } from 'react';
import { useI18n } from '../lib/i18n';
import './pdf-frame.css';

type Props = {
  url: string | null;
  /** The number of pages of the PDF at `url`, shown where the browser cannot show the PDF itself. */
  pages?: number | null;
  /** The file name a download gets. */
  fileName?: string;
  title: string;
  updating: boolean;
  updatingLabel: string;
  error: string | null;
  emptyLabel: string;
};
type Slots = { a: string | null; b: string | null; front: 'a' | 'b'; loading: boolean };

// A phone-sized touch screen: where a browser that does not say whether it shows PDFs is taken to be a
// phone's, and where an inline viewer (iOS Safari's) shows only the first page.
const PHONE = '(pointer: coarse) and (max-width: 767px)';

function subscribePhone(listener: () => void) {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const list = window.matchMedia(PHONE);
  list.addEventListener('change', listener);
  return () => list.removeEventListener('change', listener);
}
const isPhone = () => typeof window.matchMedia === 'function' && window.matchMedia(PHONE).matches;

/**
 * Whether the browser shows a PDF inside the page: `navigator.pdfViewerEnabled` where the browser says
 * (false on Android Chrome, which has no inline viewer), else not on a phone-sized touch screen.
 */
export function canShowPdfInline(viewerEnabled: boolean | undefined, phone: boolean): boolean {
  return viewerEnabled ?? !phone;
}

/**
 * Shows a PDF in the browser's own viewer. Two frames take turns: a new PDF loads in the hidden frame and
 * is brought to the front only once it has loaded, so the previous document stays visible meanwhile.
 * Where the browser cannot show a PDF inline (a phone), a card offers to open it in the phone's PDF app
 * or to download it instead of an empty frame.
 */
export function PdfFrame({
  url,
  pages = null,
  fileName,
  title,
  updating,
  updatingLabel,
  error,
  emptyLabel,
}: Props) {
  const { t } = useI18n();
  const phone = useSyncExternalStore(subscribePhone, isPhone);
  const inline = canShowPdfInline(
    (navigator as Navigator & { pdfViewerEnabled?: boolean }).pdfViewerEnabled,
    phone,
  );
  const [slots, setSlots] = useState<Slots>({ a: null, b: null, front: 'a', loading: false });
  const back = slots.front === 'a' ? 'b' : 'a';
  if (inline && url !== slots[slots.front] && url !== slots[back])
    setSlots({ ...slots, [back]: url, loading: url !== null });
  const shown = inline ? (slots[slots.front] ?? slots[back]) : url;
  const busy = updating || (inline && slots.loading);
  // One progress line: "preparing" before the first PDF, "updating" while a newer one is made.
  const status = !shown && !error ? emptyLabel : busy ? updatingLabel : '';
  const actions = url && (
    <div className="pdf-frame__actions">
      {pages !== null && <span className="pdf-frame__pages">{t('preview.pages', { count: pages })}</span>}
      <a className="button button--primary" href={url} target="_blank" rel="noopener">
        {t('preview.openPdf')}
      </a>
      <a className="button" href={url} download={fileName ?? true}>
        {t('preview.downloadShort')}
      </a>
    </div>
  );
  return (
    <div className="pdf-frame" aria-busy={busy}>
      <p className="pdf-frame__status" role="status">
        {status}
      </p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {!inline ? (
        url && (
          <div className="pdf-frame__card" data-testid="pdf-card">
            <p className="pdf-frame__card-title">{title}</p>
            <p className="pdf-frame__card-hint">{t('preview.noInline')}</p>
            {actions}
          </div>
        )
      ) : (
        <>
          {/* iOS Safari shows only the first page inline: the whole PDF is one tap away. */}
          {phone && actions}
          <div className="pdf-frame__stack">
            {(['a', 'b'] as const).map((slot) =>
              slots[slot] ? (
                <iframe
                  key={slot}
                  src={slots[slot] ?? undefined}
                  title={title}
                  className={slot === slots.front ? 'pdf-frame__doc' : 'pdf-frame__doc pdf-frame__doc--back'}
                  data-state={slot === slots.front ? 'shown' : 'loading'}
                  aria-hidden={slot === slots.front ? undefined : true}
                  tabIndex={slot === slots.front ? undefined : -1}
                  onLoad={() =>
                    setSlots((s) => (slot !== s.front && s[slot] ? { ...s, front: slot, loading: false } : s))
                  }
                />
              ) : null,
            )}
          </div>
        </>
      )}
    </div>
  );
}
