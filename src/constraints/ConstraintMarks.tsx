/**
 * The take's constraints as lanes on the edit lane: key poses as diamonds at their times, pins as bars
 * over their ranges, timed path waypoints as ticks along a thin path lane. Read from the take's stored
 * request, so they show exactly what made it. Passive: the lane's own dragging and scrubbing work through them.
 */
import type { Job } from '../../server/contract/api.ts';
import { Constraints } from '../../server/contract/constraints.ts';

const PIN_COLOR: Record<string, string> = { leftHand: 'bg-sky-400/70', rightHand: 'bg-orange-400/70', leftFoot: 'bg-green-400/70', rightFoot: 'bg-yellow-300/70' };

export function ConstraintMarks({ job, x }: { job: Job | undefined; x: (t: number) => number }) {
  const parsed = Constraints.safeParse(job?.request.constraints);
  if (!parsed.success) return null;
  const c = parsed.data;
  return (
    <div aria-hidden data-testid="constraint-lanes" className="pointer-events-none absolute inset-x-0 bottom-0 h-4">
      {c.path && (
        <div className="absolute inset-x-0 top-0 h-[2px] bg-amber-300/40" title="path">
          {c.path.waypoints.map((w, i) => (w.t === undefined ? null : <span key={i} className="absolute -top-1 h-2 w-[2px] bg-amber-300" style={{ left: x(w.t) }} />))}
        </div>
      )}
      {(c.pins ?? []).map((p, i) => (
        <div
          key={`pin${i}`}
          data-testid="constraint-pin-lane"
          title={`pin ${p.effector}`}
          className={`absolute bottom-0 h-1.5 rounded-sm ${PIN_COLOR[p.effector] ?? 'bg-white/50'}`}
          style={{ left: x(p.start), width: Math.max(2, x(p.end) - x(p.start)) }}
        />
      ))}
      {(c.keyPoses ?? []).map((k, i) => (
        <span
          key={`key${i}`}
          data-testid="constraint-key-mark"
          title={`key pose ${k.t.toFixed(2)} s`}
          className="absolute top-0.5 h-2 w-2 -translate-x-1 rotate-45 bg-teal-300"
          style={{ left: x(k.t) }}
        />
      ))}
    </div>
  );
}
