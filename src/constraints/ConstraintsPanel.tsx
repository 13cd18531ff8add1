/**
 * "Show, don't tell": draw a path, pose a hand or foot at a frame, pin a limb over a time range.
 * Everything here is sent with the next Generate (see Composer), or applied to the selected take as
 * a rerun with the same seed, which makes a new take and keeps the old one in the lineage.
 */
import { useEffect, useState } from 'react';
import { CANONICAL } from '../../server/engine/core/skeleton.ts';
import { useCreateJob } from '../state/jobMutations.ts';
import { describeError } from '../api/client.ts';
import { useSelectedJob, useSelectedVariant } from '../state/useSelectedJob.ts';
import { playhead } from '../state/playhead.ts';
import { Button } from '../ui/Button.tsx';
import { constraintsForRequest, useConstraints } from './constraintsStore.ts';
import type { KeyPose } from '../../server/contract/constraints.ts';
import { bodyFrame, mirrorKey, moveKey } from './poseOps.ts';
import type { BodyFrame } from './poseOps.ts';
import { useTakeClip } from './takeClip.ts';
import type { ConstraintMode, Effector, HandleKind, ViewAxis } from './constraintsStore.ts';
const VIEWS: Array<{ id: ViewAxis; label: string }> = [
  { id: 'persp', label: '3D' },
  { id: 'front', label: 'Front' },
  { id: 'side', label: 'Side' },
  { id: 'top', label: 'Top' },
];

const EFFECTORS: Array<{ id: Effector; label: string }> = [
  { id: 'rightHand', label: 'Right hand' },
  { id: 'leftHand', label: 'Left hand' },
  { id: 'leftFoot', label: 'Left foot' },
  { id: 'rightFoot', label: 'Right foot' },
];
const MODES: Array<{ id: ConstraintMode; label: string; hint: string }> = [
  { id: 'off', label: 'View', hint: 'orbit the camera' },
  { id: 'path', label: 'Path', hint: 'click the floor to add waypoints; drag one to move it' },
  { id: 'pose', label: 'Pose', hint: 'drag the handle, then “Key at frame”' },
];
const fmt = (v: number) => v.toFixed(2);
/** Bones with FK rotation rings: the body, not the fingers (canonical names, as key poses store them). */
const FK_BONES = CANONICAL.names.filter((n) => !/Thumb|Index|Middle|Ring|Little/.test(n));

export function ConstraintsPanel() {
  const s = useConstraints();
  const { job } = useSelectedJob();
  const variant = useSelectedVariant(job);
  const create = useCreateJob();
  const [pin, setPin] = useState({ effector: 'leftFoot' as Effector, start: '0.5', end: '1.5' });
  const constraints = constraintsForRequest(s);
  // Ghosts and trails are drawn from the shown take's BVH.
  const bvhUrl = job?.status === 'succeeded' ? (variant?.files.find((f) => f.format === 'bvh')?.url ?? null) : null;
  const clip = useTakeClip(s.keyPoses.length > 0 ? bvhUrl : null);
  const [clipboard, setClipboard] = useState<{ key: KeyPose; frame: BodyFrame } | null>(null);
  const frameAt = (t: number) => (clip ? bodyFrame(clip, Math.round(t * clip.fps)) : null);
  const setSeeing = s.setSeeing;
  useEffect(() => setSeeing({ motionUrl: bvhUrl }), [bvhUrl, setSeeing]);
  // A local prompt take is rerun with the constraints; a provider take gets them as a local IK post-pass.
  const canApply = Boolean(job && variant && job.status === 'succeeded' && (job.provider !== 'local' || job.kind === 'text2motion' || job.kind === 'rerun'));

  const apply = () => {
    if (!job || !variant) return;
    const seed = typeof job.request.seed === 'number' ? job.request.seed : undefined;
    create.mutate({ provider: 'local', kind: 'rerun', parentJobId: job.id, variant: variant.index, ...(seed !== undefined ? { seed } : {}), constraints: constraints ?? {} });
  };

  return (
    <section aria-label="Constraints" data-testid="constraints-panel" className="space-y-2 border-t border-line py-3 text-[12px]">
      <div className="flex items-center justify-between">
        <h2 className="field-label">Show, don’t tell</h2>
        <div role="radiogroup" aria-label="Constraint tool" className="flex gap-1">
          {MODES.map((m) => (
            <Button
              key={m.id}
              role="radio"
              aria-checked={s.mode === m.id}
              title={m.hint}
              data-testid={`constraint-mode-${m.id}`}
              variant={s.mode === m.id ? 'primary' : 'secondary'}
              onClick={() => s.setMode(m.id)}
            >
              {m.label}
            </Button>
          ))}
        </div>
      </div>
      <p className="text-faint">{MODES.find((m) => m.id === s.mode)!.hint}</p>

      {s.waypoints.length > 0 && (
        <div data-testid="constraint-path">
          <div className="flex items-center justify-between text-muted">
            <span>Path · {s.waypoints.length} points</span>
            <Button variant="ghost" onClick={() => s.removeWaypoint(0)}>
              Clear path
            </Button>
          </div>
          <ol className="space-y-0.5 font-mono text-[11px]">
            {s.waypoints.map((w, i) => (
              <li key={i} className="flex items-center gap-2">
                <span className="w-24 text-muted">
                  {i === 0 ? 'start' : `${i}`} ({fmt(w.x)}, {fmt(w.z)})
                </span>
                {i > 0 && (
                  <>
                    <input
                      aria-label={`arrival time of waypoint ${i} (s)`}
                      className="field-input h-6 w-16 px-1 py-0"
                      placeholder="t (s)"
                      defaultValue={w.t ?? ''}
                      onBlur={(e) => {
                        const t = e.target.value.trim() === '' ? undefined : Number(e.target.value);
                        s.setWaypointTime(i, t !== undefined && Number.isFinite(t) ? t : undefined);
                      }}
                    />
                    <Button variant="ghost" aria-label={`remove waypoint ${i}`} onClick={() => s.removeWaypoint(i)}>
                      ×
                    </Button>
                  </>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}

      {s.mode === 'pose' && (
        <div className="flex flex-wrap items-center gap-1">
          <select
            aria-label="IK handle"
            data-testid="pose-effector"
            className="field-input h-7 w-auto py-0"
            value={s.effector}
            onChange={(e) => s.setEffector(e.target.value as HandleKind)}
          >
            {EFFECTORS.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
            <option value="hips">Hips</option>
            <option value="lookAt">Head look-at</option>
          </select>
          <Button data-testid="pose-key" disabled={!s.handle} onClick={() => s.keyHandleAt(playhead.time)}>
            Key at frame
          </Button>
          <Button variant="ghost" onClick={() => s.setHandle(null)}>
            Reset handle
          </Button>
          <select
            aria-label="FK rotation ring bone"
            data-testid="fk-bone"
            className="field-input h-7 w-auto py-0"
            value={s.fkBone ?? ''}
            onChange={(e) => s.setFkBone(e.target.value || null)}
          >
            <option value="">No ring</option>
            {FK_BONES.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
          <Button
            data-testid="fk-key"
            disabled={!s.fkBone || !s.fkRotation}
            title="Key the ring's rotation of this bone at the current frame"
            onClick={() => s.keyRotationAt(playhead.time)}
          >
            Key rotation
          </Button>
          <Button
            variant="ghost"
            data-testid="fk-reset"
            disabled={!s.fkBone}
            title="Drop this bone's keyed rotation at the current frame: it follows the animation again"
            onClick={() => s.resetBoneAt(playhead.time)}
          >
            Reset bone
          </Button>
          <Button
            variant="ghost"
            disabled={!clipboard || !frameAt(playhead.time)}
            title="Paste the copied pose at the current frame, where the body is now"
            onClick={() => {
              const b = frameAt(playhead.time);
              if (clipboard && b) s.putKeyPose(moveKey(clipboard.key, clipboard.frame, b, Math.round(playhead.time * 1000) / 1000));
            }}
          >
            Paste pose
          </Button>
        </div>
      )}
      {s.keyPoses.length > 0 && (
        <ul data-testid="constraint-keys" className="space-y-0.5 font-mono text-[11px] text-muted">
          {s.keyPoses.map((k, i) => (
            <li key={i} className="flex items-center justify-between">
              <span>
                key {fmt(k.t)} s ·{' '}
                {[...Object.keys(k.effectors ?? {}), ...(k.hips ? ['hips'] : []), ...(k.lookAt ? ['look-at'] : []), ...Object.keys(k.rotations ?? {}).map((b) => `${b} ↻`)].join(
                  ', ',
                )}
              </span>
              <span className="flex">
                <Button
                  variant="ghost"
                  disabled={!frameAt(k.t)}
                  title="Mirror left ↔ right across the body"
                  aria-label={`mirror key ${i + 1}`}
                  onClick={() => {
                    const b = frameAt(k.t);
                    if (b) s.putKeyPose(mirrorKey(k, b), i);
                  }}
                >
                  ⇋
                </Button>
                <Button
                  variant="ghost"
                  disabled={!frameAt(k.t)}
                  title="Copy this pose (relative to the body)"
                  aria-label={`copy key ${i + 1}`}
                  onClick={() => {
                    const b = frameAt(k.t);
                    if (b) setClipboard({ key: k, frame: b });
                  }}
                >
                  ⧉
                </Button>
                <Button variant="ghost" aria-label={`remove key ${i + 1}`} onClick={() => s.removeKeyPose(i)}>
                  ×
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}

      <div className="flex flex-wrap items-center gap-1">
        <select
          aria-label="Pin limb"
          data-testid="pin-effector"
          className="field-input h-7 w-auto py-0"
          value={pin.effector}
          onChange={(e) => setPin({ ...pin, effector: e.target.value as Effector })}
        >
          {EFFECTORS.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </select>
        <input
          aria-label="pin start (s)"
          data-testid="pin-start"
          className="field-input h-7 w-14 py-0"
          value={pin.start}
          onChange={(e) => setPin({ ...pin, start: e.target.value })}
        />
        <span className="text-faint">–</span>
        <input aria-label="pin end (s)" data-testid="pin-end" className="field-input h-7 w-14 py-0" value={pin.end} onChange={(e) => setPin({ ...pin, end: e.target.value })} />
        <Button data-testid="pin-add" onClick={() => s.addPin({ effector: pin.effector, start: Number(pin.start), end: Number(pin.end) })}>
          Pin
        </Button>
      </div>
      {s.pins.length > 0 && (
        <ul data-testid="constraint-pins" className="space-y-0.5 font-mono text-[11px] text-muted">
          {s.pins.map((p, i) => (
            <li key={i} className="flex items-center justify-between">
              <span>
                pin {p.effector} {fmt(p.start)}–{fmt(p.end)} s
              </span>
              <Button variant="ghost" aria-label={`remove pin ${i + 1}`} onClick={() => s.removePin(i)}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}

      <div className="flex flex-wrap items-center gap-2 text-muted">
        <label className="flex items-center gap-1" title="Ghost poses before (blue) and after (orange) the playhead">
          Onion ±
          <input
            type="number"
            min={0}
            max={6}
            aria-label="onion skin: ghosts each side"
            data-testid="onion-count"
            className="field-input h-6 w-12 px-1 py-0"
            value={s.onion}
            onChange={(e) => s.setSeeing({ onion: Math.max(0, Math.min(6, Math.round(Number(e.target.value) || 0))) })}
          />
        </label>
        <label className="flex items-center gap-1" title="Frames between ghosts">
          every
          <input
            type="number"
            min={1}
            max={30}
            aria-label="onion skin: frames between ghosts"
            className="field-input h-6 w-12 px-1 py-0"
            value={s.onionStep}
            onChange={(e) => s.setSeeing({ onionStep: Math.max(1, Math.min(30, Math.round(Number(e.target.value) || 1))) })}
          />
          f
        </label>
        <div role="radiogroup" aria-label="Camera view" className="flex gap-0.5">
          {VIEWS.map((v) => (
            <Button
              key={v.id}
              role="radio"
              aria-checked={s.view === v.id}
              data-testid={`view-${v.id}`}
              variant={s.view === v.id ? 'primary' : 'ghost'}
              onClick={() => s.setSeeing({ view: v.id })}
            >
              {v.label}
            </Button>
          ))}
        </div>
        <label className="flex items-center gap-1">
          <input type="checkbox" data-testid="trails-toggle" checked={s.trails} onChange={(e) => s.setSeeing({ trails: e.target.checked })} />
          Trails
        </label>
      </div>

      <div className="flex items-center gap-1">
        <Button
          data-testid="constraints-apply"
          disabled={!canApply || create.isPending}
          title={
            job && job.provider !== 'local'
              ? `Solve these constraints locally with IK on the ${job.provider} take: a new take`
              : 'Rerun the selected take with these constraints (same seed): a new take'
          }
          onClick={apply}
        >
          Apply to take
        </Button>
        <Button variant="ghost" disabled={!job || !job.request.constraints} onClick={() => s.load(job?.request.constraints as never)}>
          Load take’s
        </Button>
        <Button variant="ghost" onClick={s.clear}>
          Clear all
        </Button>
      </div>
      {create.error && (
        <p role="alert" className="text-red-300">
          {describeError(create.error)}
        </p>
      )}
      <p className="text-faint">{constraints ? 'Sent with Generate (local engine).' : 'No constraints: Generate uses the prompt alone.'}</p>
    </section>
  );
}
