import { useCallback, useEffect, useRef, useState } from 'react';
import type { Charter } from '../domain/charter/charter';
import { PdfRenderer, SupersededError, pdfFilename } from './pdf-client';
import type { RenderOptions } from './pdf-client';

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
};

/** A live PDF of `charter`, re-rendered in the worker on every change (or `delayMs` after the last one). */
export function usePdfPreview(charter: Charter | null, options: RenderOptions = {}, delayMs = 0): PdfPreview {
  const [state, setState] = useState<{
    url: string | null;
    renderedFor: Charter | null;
    error: string | null;
    failedFor: Charter | null;
    renderedAt: number | null;
  }>({ url: null, renderedFor: null, error: null, failedFor: null, renderedAt: null });
  const urlRef = useRef<string | null>(null);
  const { trackRecord = null, shareUrl = null } = options;

  useEffect(() => {
    if (!charter) return;
    let cancelled = false;
    const start = () => {
      renderer()
        .render(charter, { trackRecord, shareUrl })
        .then((blob) => {
          if (cancelled) return;
          const url = URL.createObjectURL(blob);
          const previous = urlRef.current;
          urlRef.current = url;
          setState({
            url,
            renderedFor: charter,
            error: null,
            failedFor: null,
            renderedAt: performance.now(),
          });
          // Let the frame switch to the new document before the old one goes away.
          if (previous) setTimeout(() => URL.revokeObjectURL(previous), 5_000);
        })
        .catch((error: unknown) => {
          if (cancelled || error instanceof SupersededError) return;
          setState((s) => ({
            ...s,
            error: error instanceof Error ? error.message : String(error),
            failedFor: charter,
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
  }, [charter, trackRecord, shareUrl, delayMs]);

  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [],
  );
  const updating = charter !== null && charter !== state.renderedFor && charter !== state.failedFor;
  return { url: state.url, updating, error: state.error, renderedAt: state.renderedAt };
}

export type DownloadState = { busy: boolean; error: string | null };

/** A function that renders `charter` and saves it as `charter-<owner>-v<version>.pdf`, with its progress. */
export function usePdfDownload(
  charter: Charter | null,
  options: RenderOptions = {},
): [DownloadState, () => Promise<void>] {
  const [state, setState] = useState<DownloadState>({ busy: false, error: null });
  const { trackRecord = null, shareUrl = null } = options;
  const download = useCallback(async () => {
    if (!charter) return;
    setState({ busy: true, error: null });
    try {
      const blob = await downloader().render(charter, { trackRecord, shareUrl });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = pdfFilename(charter.owner.name, charter.version);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  }, [charter, trackRecord, shareUrl]);
  return [state, download];
}
