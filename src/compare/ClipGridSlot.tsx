/**
 * Where the studio's multi-view grid plugs in. Lazy, so three.js stays out of the first chunk.
 * Issue 6 owns the shared `viewport/ClipGrid.tsx` (same props); until it lands, the interim grid in this folder
 * renders the same thing. Swapping is a one-line change of the import below.
 */
import { Suspense, lazy } from 'react';
import { Spinner } from '../ui/Spinner.tsx';
import type { ClipGridProps } from './clipGridTypes.ts';

const Grid = lazy(() => import('./InterimClipGrid.tsx'));

export function ClipGridSlot(props: ClipGridProps) {
  return (
    <Suspense
      fallback={
        <div className="grid h-full place-items-center bg-[#14161a] text-[12px] text-faint">
          <span className="flex items-center gap-2">
            <Spinner size={14} /> Starting the 3D viewer…
          </span>
        </div>
      }
    >
      <Grid {...props} />
    </Suspense>
  );
}
