import type { Charter } from '../domain/charter/charter';
import type { PdfLink } from './pdf-link';
import type { TrackRecord } from './sections/track-record';

/** A request to the PDF worker. `fontBase` is the app's base URL; fonts are under `fonts/`. */
export type RenderRequest = {
  id: number;
  charter: Charter;
  fontBase: string;
  trackRecord: TrackRecord | null;
  link: PdfLink | null;
  /** The IANA zone of the owner's business calendar: the dates the PDF prints are that zone's days. */
  timeZone: string;
};

export type RenderResponse =
  { id: number; ok: true; blob: Blob } | { id: number; ok: false; message: string };
