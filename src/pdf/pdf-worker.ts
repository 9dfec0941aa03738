/// <reference lib="webworker" />
// The one long-lived PDF worker: renders the charter document off the main thread, so typing never waits.
import { pdf } from '@react-pdf/renderer';
import type { DocumentProps } from '@react-pdf/renderer';
import { createElement } from 'react';
import type { ReactElement } from 'react';
import { subsetHangulCoverage } from 'virtual:pdf-fonts';
import { CharterDocument } from './charter-document';
import { charterText } from './charter-text';
import { pickFontFamily, registerFonts } from './fonts';
import { renderCounted } from './page-count';
import type { RenderRequest, RenderResponse } from './pdf-protocol';

declare const self: DedicatedWorkerGlobalScope;

/** The page count of the last document rendered for each charter: the next render's page numbers. */
const pagesOf = new Map<string, number>();

self.onmessage = async (event: MessageEvent<RenderRequest>) => {
  const { id, charter, fontBase, trackRecord, link, timeZone } = event.data;
  try {
    const file = (name: string) => new URL(`fonts/${name}`, fontBase).href;
    registerFonts({
      subset: { regular: file('Pretendard-Regular.subset.ttf'), bold: file('Pretendard-Bold.subset.ttf') },
      full: { regular: file('Pretendard-Regular.ttf'), bold: file('Pretendard-Bold.ttf') },
    });
    const fontFamily = pickFontFamily(charterText(charter), subsetHangulCoverage);
    const key = `${charter.id}|${charter.version}`;
    const { bytes, pages } = await renderCounted(
      async (pageCount) => {
        const element = createElement(CharterDocument, {
          charter,
          fontFamily,
          trackRecord,
          link,
          pageCount,
          timeZone,
        }) as unknown as ReactElement<DocumentProps>;
        return new Uint8Array(await (await pdf(element).toBlob()).arrayBuffer());
      },
      pagesOf.get(key) ?? null,
    );
    pagesOf.set(key, pages);
    const blob = new Blob([bytes], { type: 'application/pdf' });
    self.postMessage({ id, ok: true, blob } satisfies RenderResponse);
  } catch (error) {
    self.postMessage({
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies RenderResponse);
  }
};
