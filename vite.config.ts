/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative asset URLs so the built app can be hosted from any folder of a static host.
  base: './',
  // The React plugin injects hot-reload code that breaks the PDF worker in dev (see stack notes).
  plugins: [react({ exclude: [/\/src\/pdf\//] })],
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
