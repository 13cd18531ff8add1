/**
 * Auto loop's answer for the selected take (GET …/loop-window): the window it will loop and the seam error before
 * and after closing the seam (RMS over joints of the jump from the last frame to the first, minus a normal step).
 */
import { useQuery } from '@tanstack/react-query';
import { api, describeError } from '../api/client.ts';

export function LoopWindowInfo({ jobId, variant }: { jobId: string; variant: number }) {
  // A finished take never changes, so neither does its best window.
  const q = useQuery({ queryKey: ['loop-window', jobId, variant], queryFn: ({ signal }) => api.loopWindow(jobId, variant, signal), staleTime: Infinity });
  if (q.isPending) return <p className="text-[11px] text-faint">Finding the best loop window…</p>;
  if (q.isError) return <p className="text-[11px] text-amber-300">Auto loop unavailable: {describeError(q.error)}</p>;
  const w = q.data;
  return (
    <p data-testid="loop-window" className="rounded-md border border-line bg-sunken/60 px-2 py-1.5 text-[11px] text-muted">
      Loops{' '}
      <span className="font-mono text-fg tabular-nums">
        {w.startSec.toFixed(2)}–{w.endSec.toFixed(2)} s
      </span>{' '}
      of {w.durationSec.toFixed(2)} s · seam error{' '}
      <span data-testid="seam-error" className="font-mono text-fg tabular-nums">
        {w.seamErrorDeg.toFixed(1)}° → {w.closedSeamErrorDeg.toFixed(1)}°
      </span>{' '}
      after closing
    </p>
  );
}
