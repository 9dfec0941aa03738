/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import * as fontkit from 'fontkit';
import { pdfFontFiles, pdfFontLicence } from './src/pdf/font-files.ts';
import { hangulCoverage } from './src/pdf/woff-to-ttf.ts';

const fontFiles = pdfFontFiles();
const subsetCoverage = hangulCoverage(
  (fontkit.create(Buffer.from(fontFiles['Pretendard-Regular.subset.ttf']!)) as fontkit.Font).characterSet,
);

/**
 * `virtual:pdf-fonts`: which Hangul syllables the subset font covers, so the PDF picks the 1.5 MB subset
 * unless a document needs the full 5.4 MB font. Used by the app and by the PDF worker's own bundle.
 */
function pdfFontCoverage(): Plugin {
  const id = 'virtual:pdf-fonts';
  return {
    name: 'pdf-font-coverage',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (source) =>
      source === `\0${id}`
        ? `export const subsetHangulCoverage = ${JSON.stringify(subsetCoverage)};\nexport const fontFiles = ${JSON.stringify(Object.keys(fontFiles))};`
        : null,
  };
}

/** Serves the PDF fonts (converted from the pretendard package) and their licence under fonts/. */
function pdfFontAssets(): Plugin {
  return {
    name: 'pdf-font-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.match(/\/fonts\/([\w.-]+\.ttf)$/)?.[1];
        const file = name ? fontFiles[name] : undefined;
        if (!file) return next();
        res.setHeader('Content-Type', 'font/ttf');
        res.end(Buffer.from(file));
      });
    },
    generateBundle() {
      for (const [name, source] of Object.entries(fontFiles))
        this.emitFile({ type: 'asset', fileName: `fonts/${name}`, source });
      this.emitFile({ type: 'asset', fileName: 'fonts/LICENSE-Pretendard.txt', source: pdfFontLicence() });
    },
  };
}

export default defineConfig({
  // Relative asset URLs so the built app can be hosted from any folder of a static host.
  base: './',
  // The React plugin injects hot-reload code that breaks the PDF worker in dev (see stack notes).
  plugins: [react({ exclude: [/\/src\/pdf\//] }), pdfFontCoverage(), pdfFontAssets()],
  worker: { format: 'es', plugins: () => [pdfFontCoverage()] },
  build: {
    target: 'es2022',
    // The manifest lets `npm run bench` measure exactly what the first page loads.
    manifest: true,
    sourcemap: true,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/unit/setup-node.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.tsx'],
          setupFiles: ['tests/unit/setup-dom.ts'],
        },
      },
    ],
  },
});
