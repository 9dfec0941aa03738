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
import type { RenderRequest, RenderResponse } from './pdf-protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<RenderRequest>) => {
  const { id, charter, fontBase, trackRecord, link } = event.data;
  try {
    const file = (name: string) => new URL(`fonts/${name}`, fontBase).href;
    registerFonts({
      subset: { regular: file('Pretendard-Regular.subset.ttf'), bold: file('Pretendard-Bold.subset.ttf') },
      full: { regular: file('Pretendard-Regular.ttf'), bold: file('Pretendard-Bold.ttf') },
    });
    const element = createElement(CharterDocument, {
      charter,
      fontFamily: pickFontFamily(charterText(charter), subsetHangulCoverage),
      trackRecord,
      link,
    }) as unknown as ReactElement<DocumentProps>;
    const blob = await pdf(element).toBlob();
    self.postMessage({ id, ok: true, blob } satisfies RenderResponse);
  } catch (error) {
    self.postMessage({
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies RenderResponse);
  }
};
