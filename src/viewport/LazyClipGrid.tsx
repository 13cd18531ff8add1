/**
 * First-chunk entry to the multi-view grid: ClipGrid imports three.js, so it is loaded on first use.
 * Same props as ClipGrid.
 */
import { Suspense, lazy } from 'react';
import { Spinner } from '../ui/Spinner.tsx';
import type { ClipGridProps } from './clipGridProps.ts';

const ClipGrid = lazy(() => import('./ClipGrid.tsx'));

export function LazyClipGrid(props: ClipGridProps) {
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
      <ClipGrid {...props} />
    </Suspense>
  );
}
