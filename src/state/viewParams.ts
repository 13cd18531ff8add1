/**
 * The stage view in the address bar, next to `?job=&variant=` (state/urlSelection.ts), so a shared link
 * reopens the same comparison: `view=grid` (all takes side by side), `view=split` or `view=toggle` (A/B of the
 * selected take against its parent, or against `vs=<jobId>.<variant>`), and `show=parent` for the toggle's
 * current side. Pure string ↔ value functions.
 */
const STAGE_VIEWS = ['single', 'grid', 'split', 'toggle'] as const;
export type StageView = (typeof STAGE_VIEWS)[number];

export interface TakeRef {
  jobId: string;
  /** 1-based */
  variant: number;
}

export interface ViewParams {
  view: StageView;
  /** Toggle mode: which side is on screen. */
  show: 'child' | 'parent';
  /** Compare against this take instead of the parent. */
  against: TakeRef | null;
}

export const DEFAULT_VIEW: ViewParams = { view: 'single', show: 'child', against: null };

const TAKE = /^(job_[A-Za-z0-9]{1,60})\.([1-9]\d?)$/;

function parseTakeRef(text: string | null): TakeRef | null {
  const m = text ? TAKE.exec(text.trim()) : null;
  return m ? { jobId: m[1]!, variant: Number(m[2]) } : null;
}

function formatTakeRef(t: TakeRef): string {
  return `${t.jobId}.${t.variant}`;
}

export function parseViewParams(search: string): ViewParams {
  const q = new URLSearchParams(search);
  const v = q.get('view');
  const view = (STAGE_VIEWS as readonly string[]).includes(v ?? '') ? (v as StageView) : 'single';
  const compare = view === 'split' || view === 'toggle';
  return {
    view,
    show: view === 'toggle' && q.get('show') === 'parent' ? 'parent' : 'child',
    against: compare ? parseTakeRef(q.get('vs')) : null,
  };
}

/** The new search string (with "?" or empty), keeping every other parameter. Defaults are left out. */
export function formatViewParams(currentSearch: string, p: ViewParams): string {
  const q = new URLSearchParams(currentSearch);
  for (const k of ['view', 'show', 'vs']) q.delete(k);
  if (p.view !== 'single') q.set('view', p.view);
  if (p.view === 'toggle' && p.show === 'parent') q.set('show', 'parent');
  if ((p.view === 'split' || p.view === 'toggle') && p.against) q.set('vs', formatTakeRef(p.against));
  const s = q.toString();
  return s ? `?${s}` : '';
}
