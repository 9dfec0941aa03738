/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import * as fontkit from 'fontkit';
import { pdfFontFiles, pdfFontLicence } from './src/pdf/font-files.ts';
import { hangulCoverage } from './src/pdf/woff-to-ttf.ts';
import { firstPaintScreens, firstPaintScript, startScript } from './src/app/first-paint.ts';
import { enFirst } from './src/i18n/first/en.ts';
import { koFirst } from './src/i18n/first/ko.ts';

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

/** `start` and everything reachable from it through `next`, breadth first (`start` first). */
function reachable(start: string, next: (id: string) => readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...next(id));
  }
  return [...seen];
}

/**
 * The app's scripts start only once index.html's first screen (`firstPaint`) is on screen: Vite's module script
 * and modulepreloads leave the head for an inline script after the first paint's (src/app/first-paint.ts,
 * `startScript`), which adds them once the browser reports that paint, with what the entry then awaits (dynamic
 * imports it would find only once it runs): the first screen's messages in the browser's language and the
 * app (src/app/start-app.tsx; not on a customer's share link). No script is fetched or run before that
 * paint, so on a slow phone it needs the HTML alone.
 */
function deferredStart(): Plugin {
  return {
    name: 'deferred-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunks = Object.values(context.bundle ?? {}).filter((chunk) => chunk.type === 'chunk');
        /** A chunk's file and, transitively, its static imports' (the bundler may leave a facade in front). */
        const closure = (file: string) =>
          reachable(file, (next) => chunks.find((c) => c.fileName === next)?.imports ?? []);
        const fileOf = (source: string) => chunks.find((c) => c.facadeModuleId?.endsWith(source))?.fileName;
        const entry = context.chunk?.fileName;
        const [ko, en, app] = [
          '/src/i18n/first/ko.ts',
          '/src/i18n/first/en.ts',
          '/src/app/start-app.tsx',
        ].map(fileOf);
        const escaped = entry?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const tag = new RegExp(`\\s*<script type="module" crossorigin src="\\./${escaped}"></script>`);
        if (!entry || !ko || !en || !app || !tag.test(html))
          throw new Error('deferred-start: the entry, first messages or app chunk was not found');
        const entryFiles = closure(entry);
        const urls = (file: string) =>
          closure(file)
            .filter((f) => !entryFiles.includes(f))
            .map((f) => `./${f}`);
        const script = startScript({
          entry: `./${entry}`,
          imports: entryFiles.slice(1).map((f) => `./${f}`),
          messages: { ko: urls(ko), en: urls(en) },
          app: urls(app),
        });
        return html
          .replace(tag, '')
          .replace(/\s*<link rel="modulepreload" crossorigin href="[^"]+">/g, '')
          .replace('</body>', `  <script>${script}</script>\n  </body>`);
      },
    },
  };
}

/**
 * The first load in a few large chunks instead of ~35 small ones: every chunk costs the phone a modulepreload
 * and a compile task of its own on the main thread (small scripts are not compiled in the background), and
 * those tasks were most of the first screen's total blocking time (Lighthouse). The chunks follow the steps in
 * which src/app/main.tsx runs the app's code (`loadApp`), since a chunk runs as a whole: `start-base` (zod
 * and src/domain/common.ts), then
 * `start-data` (what src/persistence/stored-data.ts needs), then what src/app/start-app.tsx needs besides,
 * in two parts: `start-shared`, what a customer's share-link view (src/app/customer-app.tsx) needs as well,
 * and `start`, the rest (the local database among it, which a share link must never load). Screens loaded
 * later import what they share with these from them.
 */
function firstLoadChunks(): { plugin: Plugin; groups: { name: string; test: (id: string) => boolean }[] } {
  const stepOf = new Map<string, string>();
  const plugin: Plugin = {
    name: 'first-load-chunks',
    apply: 'build',
    buildEnd() {
      const closure = (suffix: string) => {
        const start = [...this.getModuleIds()].find((id) => id.endsWith(suffix));
        if (!start) throw new Error(`first-load-chunks: ${suffix} is not in the build`);
        return new Set(reachable(start, (id) => this.getModuleInfo(id)?.importedIds ?? []));
      };
      const entry = closure('/src/app/main.tsx');
      const customer = closure('/src/app/customer-app.tsx');
      const take = (ids: Iterable<string>, name: (id: string) => string) => {
        for (const id of ids) if (!entry.has(id) && !stepOf.has(id)) stepOf.set(id, name(id));
      };
      take(closure('/src/domain/common.ts'), () => 'start-base');
      take(closure('/src/persistence/stored-data.ts'), () => 'start-data');
      take(closure('/src/app/start-app.tsx'), (id) => (customer.has(id) ? 'start-shared' : 'start'));
    },
  };
  return {
    plugin,
    groups: ['start-base', 'start-data', 'start-shared', 'start'].map((name) => ({
      name,
      test: (id: string) => stepOf.get(id) === name,
    })),
  };
}

/**
 * The first screen drawn by index.html itself (src/app/first-paint.ts), in both languages from the first
 * catalogues: the page shows Today's heading and a new user's start as soon as the HTML arrives, without
 * waiting for the app's scripts. Replaces the `<!-- first-paint -->` comment after `#root`.
 */
function firstPaint(): Plugin {
  const script = firstPaintScript({ ko: firstPaintScreens(koFirst), en: firstPaintScreens(enFirst) });
  return {
    name: 'first-paint',
    transformIndexHtml: (html) => html.replace('<!-- first-paint -->', `<script>${script}</script>`),
  };
}

/**
 * The entry's stylesheet written into index.html: a linked one blocks the first paint until a second round
 * trip has fetched it; inline, the page paints its placeholder as soon as the HTML has arrived, while the
 * scripts still download. Its URLs are made relative to index.html instead of to assets/.
 */
function inlineEntryCss(): Plugin {
  return {
    name: 'inline-entry-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        return html.replace(
          /<link rel="stylesheet"(?: crossorigin)? href="\.\/(assets\/[\w.-]+\.css)">/g,
          (link, file: string) => {
            const asset = context.bundle?.[file];
            if (asset?.type !== 'asset') return link;
            const css = String(asset.source).replace(/url\((['"]?)\.\//g, 'url($1./assets/');
            return `<style>${css.replaceAll('</style', '<\\/style')}</style>`;
          },
        );
      },
    },
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

/**
 * The installable offline app (Workbox through vite-plugin-pwa): every chunk, the PDF worker, the
 * templates and the subset PDF fonts are precached; the full Hangul fonts (5.4 MB) are cached the first
 * time a charter needs them. The new version waits until the user says so (src/app/update-prompt.tsx).
 */
function offlineApp(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: null,
    manifest: {
      id: './',
      name: 'Service Charter · 서비스 헌장',
      short_name: '서비스 헌장',
      description:
        'Write, share and keep your personal service charter. 나만의 서비스 헌장을 쓰고, 알리고, 지키세요.',
      lang: 'ko',
      dir: 'ltr',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#1f4e79',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
      shortcuts: [
        {
          name: '약속 기록 · Log a promise',
          short_name: '약속 기록',
          url: './#/today/log',
          icons: [{ src: 'icon-192.png', sizes: '192x192' }],
        },
        {
          name: '오늘 · Today',
          short_name: '오늘',
          url: './#/',
          icons: [{ src: 'icon-192.png', sizes: '192x192' }],
        },
      ],
      screenshots: [{ src: 'screenshot.png', sizes: '1280x800', type: 'image/png', form_factor: 'wide' }],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json,txt}', 'fonts/*.subset.ttf'],
      // Source maps are for debugging, never needed offline.
      globIgnores: ['**/*.map'],
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // Opens the promise a reminder is about when the user taps the notification.
      importScripts: ['sw-notifications.js'],
      runtimeCaching: [
        {
          urlPattern: ({ url }) => /\/fonts\/Pretendard-(Regular|Bold)\.ttf$/.test(url.pathname),
          handler: 'CacheFirst',
          options: { cacheName: 'pdf-full-fonts', expiration: { maxEntries: 4 } },
        },
      ],
    },
  });
}

const firstLoad = firstLoadChunks();

export default defineConfig({
  // Relative asset URLs so the built app can be hosted from any folder of a static host.
  base: './',
  // The React plugin injects hot-reload code that breaks the PDF worker in dev (see stack notes).
  plugins: [
    react({ exclude: [/\/src\/pdf\//] }),
    pdfFontCoverage(),
    pdfFontAssets(),
    offlineApp(),
    firstPaint(),
    deferredStart(),
    inlineEntryCss(),
    firstLoad.plugin,
  ],
  worker: { format: 'es', plugins: () => [pdfFontCoverage()] },
  build: {
    target: 'es2022',
    // The manifest lets `npm run bench` measure exactly what the first page loads.
    manifest: true,
    sourcemap: true,
    modulePreload: false,
    rolldownOptions: {
      output: { codeSplitting: { groups: firstLoad.groups, includeDependenciesRecursively: false } },
    },
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
          // Screen tests type and click through whole forms in jsdom: 1–3 s each on a quiet two-core
          // machine, up to 3× that when the machine is shared. A slow test is not a wrong one.
          testTimeout: 15_000,
        },
      },
    ],
  },
});
