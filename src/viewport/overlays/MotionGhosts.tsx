/**
 * Seeing motion: onion skinning (stick-figure ghosts of the take at ±N steps around the playhead,
 * fading with distance, earlier in blue and later in orange) and motion trails of the hips, hands and
 * feet over the whole take. Drawn from the take's exported BVH, so what is shown is exactly what
 * downloads, on any character; the live model is left alone.
 */
import { Line } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useState } from 'react';
import { useConstraints, jointIndex, useTakeClip } from '../../constraints/index.ts';
import { playhead } from '../../state/playhead.ts';

const TRAILS: Array<{ suffix: string; color: string }> = [
  { suffix: 'Hips', color: '#f5f5f5' },
  { suffix: 'LeftHand', color: '#4fc3f7' },
  { suffix: 'RightHand', color: '#ff8a65' },
  { suffix: 'LeftFoot', color: '#81c784' },
  { suffix: 'RightFoot', color: '#ffd54f' },
];
const noPick = () => null;

/** Current playhead frame, re-rendering only when it changes. */
function usePlayheadFrame(fps: number): number {
  const [frame, setFrame] = useState(() => Math.round(playhead.time * fps));
  useEffect(() => playhead.subscribe(() => setFrame(Math.round(playhead.time * fps))), [fps]);
  return frame;
}

export function MotionGhosts() {
  const { onion, onionStep, trails, motionUrl } = useConstraints();
  const clip = useTakeClip(onion > 0 || trails ? motionUrl : null);
  const invalidate = useThree((s) => s.invalidate);
  const frame = usePlayheadFrame(clip?.fps ?? 30);

  const trailLines = useMemo(() => {
    if (!clip || !trails) return [];
    return TRAILS.flatMap(({ suffix, color }) => {
      const j = jointIndex(clip, suffix);
      if (j < 0) return [];
      const pts: [number, number, number][] = [];
      for (let f = 0; f < clip.frames; f++) pts.push([clip.pos[(f * clip.jc + j) * 3]!, clip.pos[(f * clip.jc + j) * 3 + 1]!, clip.pos[(f * clip.jc + j) * 3 + 2]!]);
      return [{ key: suffix, color, pts }];
    });
  }, [clip, trails]);

  const ghosts = useMemo(() => {
    if (!clip || onion <= 0) return [];
    const out: Array<{ key: string; color: string; opacity: number; segs: [number, number, number][] }> = [];
    for (let k = -onion; k <= onion; k++) {
      if (k === 0) continue;
      const f = frame + k * onionStep;
      if (f < 0 || f >= clip.frames) continue;
      const segs: [number, number, number][] = [];
      for (let j = 1; j < clip.jc; j++) {
        const p = clip.parents[j]!;
        if (p < 0) continue;
        const a = (f * clip.jc + p) * 3,
          b = (f * clip.jc + j) * 3;
        segs.push([clip.pos[a]!, clip.pos[a + 1]!, clip.pos[a + 2]!], [clip.pos[b]!, clip.pos[b + 1]!, clip.pos[b + 2]!]);
      }
      out.push({ key: `${k}`, color: k < 0 ? '#64b5f6' : '#ffb74d', opacity: 0.85 - (0.6 * (Math.abs(k) - 1)) / Math.max(1, onion), segs });
    }
    return out;
  }, [clip, onion, onionStep, frame]);

  useEffect(() => invalidate(), [ghosts, trailLines, invalidate]);

  return (
    <group>
      {trailLines.map((t) => (
        <Line key={t.key} points={t.pts} color={t.color} lineWidth={1.5} transparent opacity={0.8} raycast={noPick} />
      ))}
      {ghosts.map((g) => (
        <Line key={g.key} points={g.segs} segments color={g.color} lineWidth={2} transparent opacity={g.opacity} raycast={noPick} />
      ))}
    </group>
  );
}
