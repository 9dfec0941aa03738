import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Charter } from '../domain/charter/charter';
import type { Deflate } from '../domain/interchange/share-link';
import { PdfRenderer, SupersededError, pdfFilename } from './pdf-client';
import type { RenderOptions } from './pdf-client';
import { pdfLinkFor } from './pdf-link';
import { countPdfPages } from './page-count';
import type { PdfLink } from './pdf-link';

let previewRenderer: PdfRenderer | null = null;
let downloadRenderer: PdfRenderer | null = null;
// Two long-lived workers: a download is never superseded by the next preview keystroke.
const renderer = () => (previewRenderer ??= new PdfRenderer());
const downloader = () => (downloadRenderer ??= new PdfRenderer());

export type PdfPreview = {
  /** Object URL of the newest successfully rendered PDF, kept while a newer one is being made. */
  url: string | null;
  updating: boolean;
  /** Why the newest render failed; the previous PDF stays shown. */
  error: string | null;
  /** When the current `url` was produced (performance.now()), for measuring preview latency. */
  renderedAt: number | null;
  /** The number of pages of the PDF at `url`. */
  pages: number | null;
};

type Request = { charter: Charter } & RenderOptions;

/**
 * A live PDF of `charter`, re-rendered in the worker on every change (or `delayMs` after the last one).
 * While `hold` is set (the link is still being made), no render starts and the preview shows "updating".
 */
export function usePdfPreview(
  charter: Charter | null,
  options: RenderOptions & { hold?: boolean } = {},
  delayMs = 0,
): PdfPreview {
  const [state, setState] = useState<{
    url: string | null;
    renderedFor: Request | null;
    error: string | null;
    failedFor: Request | null;
    renderedAt: number | null;
    pages: number | null;
  }>({ url: null, renderedFor: null, error: null, failedFor: null, renderedAt: null, pages: null });
  const urlRef = useRef<string | null>(null);
  const { trackRecord = null, link = null, hold = false, timeZone } = options;
  const request = useMemo<Request | null>(
    () => (charter ? { charter, trackRecord, link, timeZone } : null),
    [charter, trackRecord, link, timeZone],
  );

  useEffect(() => {
    if (!request || hold) return;
    let cancelled = false;
    const start = () => {
      renderer()
        .render(request.charter, request)
        .then(async (blob) => {
          // The count is shown where the phone cannot show the PDF itself (see PdfFrame).
          const pages = countPdfPages(new Uint8Array(await blob.arrayBuffer()));
          if (cancelled) return;
          const url = URL.createObjectURL(blob);
          const previous = urlRef.current;
          urlRef.current = url;
          setState({
            url,
            renderedFor: request,
            error: null,
            failedFor: null,
            renderedAt: performance.now(),
            pages,
          });
          // Let the frame switch to the new document before the old one goes away.
          if (previous) setTimeout(() => URL.revokeObjectURL(previous), 5_000);
        })
        .catch((error: unknown) => {
          if (cancelled || error instanceof SupersededError) return;
          setState((s) => ({
            ...s,
            error: error instanceof Error ? error.message : String(error),
            failedFor: request,
          }));
        });
    };
    // No delay by default: the renderer starts at once when idle and, while busy, keeps only the newest
    // request, so a burst of keys costs at most one extra render and a single key is never held back.
    const timer = delayMs > 0 ? setTimeout(start, delayMs) : null;
    if (!timer) start();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [request, hold, delayMs]);

  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [],
  );
  const updating = request !== null && request !== state.renderedFor && request !== state.failedFor;
  return {
    url: state.url,
    updating,
    error: state.error,
    renderedAt: state.renderedAt,
    pages: state.pages,
  };
}

export type DownloadState = { busy: boolean; error: string | null };

/** A function that renders `charter` and saves it as `charter-<owner>-v<version>.pdf`, with its progress. */
export function usePdfDownload(
  charter: Charter | null,
  options: RenderOptions = {},
): [DownloadState, () => Promise<void>] {
  const [state, setState] = useState<DownloadState>({ busy: false, error: null });
  const { trackRecord = null, link = null, timeZone } = options;
  const download = useCallback(async () => {
    if (!charter) return;
    setState({ busy: true, error: null });
    try {
      const blob = await downloader().render(charter, { trackRecord, link, timeZone });
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = pdfFilename(charter.owner.name, charter.version);
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  }, [charter, trackRecord, link, timeZone]);
  return [state, download];
}

export type PdfLinkState = { link: PdfLink | null; pending: boolean };

/**
 * The link the PDF of `charter` carries (see pdfLinkFor): made once per published charter and base URL
 * (a published charter cannot change without becoming a draft), so typing never re-encodes it.
 */
export function usePdfLink(
  charter: Charter | null,
  publicBaseUrl: string,
  compress: Deflate,
  timeZone?: string,
): PdfLinkState {
  const source = charter?.status === 'published' && publicBaseUrl.trim() !== '' ? charter : null;
  const [made, setMade] = useState<{
    source: Charter;
    base: string;
    zone: string | undefined;
    link: PdfLink | null;
  } | null>(null);
  useEffect(() => {
    if (!source) return;
    let cancelled = false;
    pdfLinkFor(source, publicBaseUrl, compress, timeZone)
      .catch(() => null)
      .then((link) => {
        if (!cancelled) setMade({ source, base: publicBaseUrl, zone: timeZone, link });
      });
    return () => {
      cancelled = true;
    };
  }, [source, publicBaseUrl, compress, timeZone]);
  if (!source) return { link: null, pending: false };
  const ready =
    made !== null && made.source === source && made.base === publicBaseUrl && made.zone === timeZone;
  return { link: ready ? made.link : null, pending: !ready };
}
