/** The loop dialog's seam preview (first frame solid, last frame ghosted) and what the gap means for the options. */
import { Suspense, lazy, useCallback, useState } from 'react';
import { afterJobListShown } from '../lib/jobListShown.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import type { LoopForm } from './editForms.ts';
import { seamAdvice, seamGap } from './seamMath.ts';
import type { RootPose, SeamGap } from './seamMath.ts';

const loadSeamPreview3D = () => import('./SeamPreview3D.tsx');
const SeamPreview3D = lazy(loadSeamPreview3D);
// Fetched and evaluated while the studio is idle, once the job list is up: opening the loop dialog then shows
// the seam at once instead of a blank box for the second its chunk takes to arrive.
if (typeof window !== 'undefined') {
  void afterJobListShown().then(() => (window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 500)))(() => void loadSeamPreview3D()));
}

export function SeamPreview({ url, form }: { url: string; form: LoopForm }) {
  const [gap, setGap] = useState<SeamGap | null>(null);
  const onMeasured = useCallback((a: RootPose, b: RootPose) => setGap(seamGap(a, b)), []);
  return (
    <div data-testid="seam-preview" data-measured={gap !== null}>
      <div className="relative h-[168px] overflow-hidden rounded-md border border-line">
        <ErrorBoundary
          key={url}
          fallback={() => <p className="grid h-full place-items-center px-4 text-center text-[11px] text-faint">The seam preview could not load this take.</p>}
        >
          <Suspense
            fallback={
              <div className="grid h-full place-items-center text-faint">
                <Spinner size={14} />
              </div>
            }
          >
            <SeamPreview3D url={url} onMeasured={onMeasured} />
          </Suspense>
        </ErrorBoundary>
        <div className="pointer-events-none absolute top-1.5 left-1.5 flex gap-2 rounded bg-panel/80 px-1.5 py-0.5 text-[10px] text-muted">
          <span className="flex items-center gap-1">
            <span className="size-2 rounded-full bg-fg" /> first frame
          </span>
          <span className="flex items-center gap-1">
            <span className="size-2 rounded-full bg-playhead/60" /> last frame
          </span>
        </div>
      </div>
      {gap && (
        <ul className="mt-1.5 space-y-1" data-testid="seam-advice">
          <li className="font-mono text-[10px] text-faint tabular-nums">
            gap {gap.horizontal.toFixed(2)} m · height {gap.vertical >= 0 ? '+' : ''}
            {gap.vertical.toFixed(2)} m · turn {gap.yawDeg.toFixed(0)}°
          </li>
          {seamAdvice(gap, form).map((n) => (
            <li key={n.text} className={`text-[11px] leading-snug ${n.tone === 'warn' ? 'text-amber-200' : 'text-emerald-200/90'}`}>
              {n.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
