import { vi } from 'vitest';
import type { MockInstance } from 'vitest';

/**
 * Catches what the app downloads (src/lib/download.ts: a blob URL on a link it clicks) in jsdom, which has
 * neither blob URLs nor navigation: `files` receives each blob, `click` records the clicks. Undone by
 * `vi.restoreAllMocks()` (the click) and by the next call (the URL functions).
 */
export function captureDownloads(): { files: Blob[]; click: MockInstance<() => void> } {
  const files: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    files.push(blob);
    return 'blob:download';
  });
  URL.revokeObjectURL = vi.fn();
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return { files, click };
}
