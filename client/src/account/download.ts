/** Saves `data` as a pretty-printed JSON file through the browser's normal download. */
export function saveJsonFile(data: unknown, filename: string): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; free the blob a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "haven-my-data-2025-06-01.json" */
export function exportFilename(now: Date = new Date()): string {
  return `haven-my-data-${now.toISOString().slice(0, 10)}.json`;
}
