import type { Charter } from '../domain/charter/charter';
import type { PdfLink } from './pdf-link';
import type { RenderRequest, RenderResponse } from './pdf-protocol';
import type { TrackRecord } from './sections/track-record';
import { defaultTimeZone } from '../domain/clock/time-zone';

export type RenderOptions = {
  trackRecord?: TrackRecord | null;
  link?: PdfLink | null;
  /** The owner's business-calendar zone (see CharterDocumentProps.timeZone); default Asia/Seoul. */
  timeZone?: string | undefined;
};

/** Thrown when a newer render request replaced this one before it finished. */
export class SupersededError extends Error {
  constructor() {
    super('superseded');
  }
}

const TIMEOUT_MS = 30_000;

/**
 * Renders charters to PDF in one long-lived worker (a new worker starts cold, ≈0.5 s). Only the newest
 * request in a burst is rendered; older ones reject with SupersededError. A render that takes longer than
 * 30 s rejects with a clear error and the worker is restarted.
 */
export class PdfRenderer {
  private worker: Worker | null = null;
  private nextId = 1;
  private running: {
    id: number;
    resolve: (b: Blob) => void;
    reject: (e: Error) => void;
    timer: ReturnType<typeof setTimeout>;
  } | null = null;
  private queued: {
    request: Omit<RenderRequest, 'id'>;
    resolve: (b: Blob) => void;
    reject: (e: Error) => void;
  } | null = null;

  constructor(private readonly fontBase: string = document.baseURI) {}

  render(charter: Charter, options: RenderOptions = {}): Promise<Blob> {
    return new Promise<Blob>((resolve, reject) => {
      this.queued?.reject(new SupersededError());
      this.queued = {
        request: {
          charter,
          fontBase: this.fontBase,
          trackRecord: options.trackRecord ?? null,
          link: options.link ?? null,
          timeZone: options.timeZone ?? defaultTimeZone,
        },
        resolve,
        reject,
      };
      this.pump();
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./pdf-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<RenderResponse>) => this.finish(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(event.message || 'the PDF worker stopped'));
    };
    this.worker = worker;
    return worker;
  }

  private pump() {
    if (this.running || !this.queued) return;
    const { request, resolve, reject } = this.queued;
    this.queued = null;
    const id = this.nextId++;
    const timer = setTimeout(
      () => this.fail(new Error('the PDF took too long to make (over 30 s)')),
      TIMEOUT_MS,
    );
    this.running = { id, resolve, reject, timer };
    try {
      this.ensureWorker().postMessage({ id, ...request } satisfies RenderRequest);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private finish(response: RenderResponse) {
    const running = this.running;
    if (!running || running.id !== response.id) return;
    clearTimeout(running.timer);
    this.running = null;
    if (response.ok) running.resolve(response.blob);
    else running.reject(new Error(response.message));
    this.pump();
  }

  private fail(error: Error) {
    const running = this.running;
    this.worker?.terminate();
    this.worker = null;
    if (running) {
      clearTimeout(running.timer);
      this.running = null;
      running.reject(error);
    }
    this.pump();
  }

  dispose(): void {
    this.queued?.reject(new SupersededError());
    this.queued = null;
    this.fail(new SupersededError());
  }
}

/** `charter-<owner>-v<version>.pdf`, keeping Korean letters and removing characters unsafe in file names. */
export function pdfFilename(ownerName: string, version: number): string {
  const cleaned = ownerName
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are unsafe in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .replace(/\s+/g, '-');
  // Cut by characters, never inside a surrogate pair, then tidy the ends.
  const owner = Array.from(cleaned)
    .slice(0, 60)
    .join('')
    .replace(/^[.-]+|[.-]+$/g, '');
  return `charter-${owner || 'untitled'}-v${version}.pdf`;
}
