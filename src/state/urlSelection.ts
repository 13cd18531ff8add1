/**
 * The selection mirrored in the address bar (`?job=…&variant=…`) so a reload or a shared link restores it.
 * Pure string ↔ value functions; the effect that wires them to the store lives in app/useSelectionUrlSync.ts.
 */
export interface UrlSelection {
  jobId: string | null;
  /** 1-based, like the API's variant index. */
  variant: number | null;
}

export function parseSelection(search: string): UrlSelection {
  const q = new URLSearchParams(search);
  const job = q.get('job')?.trim() || null;
  const v = Number(q.get('variant'));
  const variant = Number.isInteger(v) && v >= 1 && v <= 99 ? v : null;
  return { jobId: job, variant: job ? variant : null };
}

/** Returns the new search string (with leading "?" or empty), keeping any unrelated parameters. */
export function formatSelection(currentSearch: string, sel: UrlSelection): string {
  const q = new URLSearchParams(currentSearch);
  q.delete('job');
  q.delete('variant');
  if (sel.jobId) {
    q.set('job', sel.jobId);
    if (sel.variant !== null) q.set('variant', String(sel.variant));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
