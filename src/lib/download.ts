/** Saves `data` as a pretty-printed JSON file named `filename` through the browser's download. */
export function downloadJson(filename: string, data: unknown): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `service-charter-backup-2026-11-22.json` for an export made at `iso`. */
export function backupFilename(iso: string): string {
  return `service-charter-backup-${iso.slice(0, 10)}.json`;
}
