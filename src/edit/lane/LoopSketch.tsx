import type { SpanFn, XFn } from './laneGeometry.ts';

/** Loop preview: the repetitions after the first, ghosted, with an orange seam and its blend at each join. */
export function LoopSketch({ duration, reps, blend, span, x }: { duration: number; reps: number; blend: number; span: SpanFn; x: XFn }) {
  const n = Math.max(1, Math.min(50, Math.round(reps)));
  return (
    <>
      {Array.from({ length: n - 1 }, (_, k) => {
        const s = (k + 1) * duration;
        return (
          <div
            key={k}
            data-testid="loop-rep"
            className="pointer-events-none absolute top-1.5 bottom-1.5 rounded-sm border border-dashed border-line-strong bg-raised/40"
            style={span(s, s + duration)}
          >
            <span className="absolute top-0.5 left-1 text-[9px] text-faint">×{k + 2}</span>
          </div>
        );
      })}
      {Array.from({ length: n - 1 }, (_, k) => {
        const s = (k + 1) * duration;
        return (
          <div
            key={`seam-${k}`}
            data-testid="loop-seam"
            className="pointer-events-none absolute inset-y-0"
            style={{ left: x(s - blend / 2), width: Math.max(2, x(s + blend / 2) - x(s - blend / 2)) }}
          >
            <div className="h-full w-full bg-playhead/15" />
            <div className="absolute inset-y-0 left-1/2 border-l border-dashed border-playhead" />
          </div>
        );
      })}
    </>
  );
}
