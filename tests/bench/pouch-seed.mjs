// The app's local-database code (tests/bench/pouch-seed.ts) as one script for page.evaluate: defines
// window.__benchPouch = { openLocalDatabase, docIdOf, entityDoc, CharterDatabase } in the page.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
let bundled;

/** The script's source (built once per process). */
export async function pouchSeedScript() {
  bundled ??= build({
    entryPoints: [path.join(here, 'pouch-seed.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
    define: { global: 'globalThis' },
  }).then((result) => result.outputFiles[0].text);
  return bundled;
}
