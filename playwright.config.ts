import { defineConfig } from '@playwright/test';

const isCI = Boolean(process.env.CI);
// E2E_PORT and E2E_DIST let two people (or helpers) run the suite side by side on one machine.
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.E2E_DIST ?? 'dist';

// Launch flags measured to work on this machine (root, no network); see /work/shared/stack-notes.md.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'tests/e2e',
  // The machine has two cores: one per worker, and the preview server is cheap.
  workers: 2,
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'off',
    // The service worker precaches the whole app; journeys that test offline use turn it on themselves.
    serviceWorkers: 'block',
    // No fixed locale: tests open their own context per locale (see tests/e2e/helpers.ts).
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        // Debian's chromium, never a downloaded browser.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: chromiumArgs,
        },
      },
    },
  ],
  // Serves the production build in dist/; `npm run test:e2e` runs `npm run build` first.
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --outDir ${dist}`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
