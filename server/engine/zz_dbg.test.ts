import { test } from 'vitest';
import { text2motion } from './index.ts';
import { clipOf, resample } from './eval/metrics.ts';
import { fkAll } from './core/fk.ts';
test('dbg', () => {
  for (const mode of ['auto', 'always'] as const) {
  const m = text2motion({ prompt: 'walk forward', variants: 1, durationSec: 5, footLocking: mode, poseFiltering: 0, physicsFilter: false, seed: 2 }).motions[0]!;
  const c = resample(clipOf(m), 20);
  const s = c.joints * 3;
  for (let f = 1; f < c.frames; f++) for (const j of c.feet) {
    const a = (f - 1) * s + j * 3, b = f * s + j * 3;
    const v = Math.hypot(c.pos[b]! - c.pos[a]!, c.pos[b + 2]! - c.pos[a + 2]!) * 20;
    if (c.pos[a + 1]! < 0.05 && c.pos[b + 1]! < 0.05 && v > 0.3) console.log(mode, `f${f} (${f*1.5}) j${j} y${c.pos[a+1]!.toFixed(3)}->${c.pos[b+1]!.toFixed(3)} v${v.toFixed(2)}`);
  }
  const { pos } = fkAll(m);
  if (mode === 'always') for (let f = 0; f < 0; f++) console.log(f, m.contacts[f*2], m.contacts[f*2+1], pos[(f*22+17)*3+1]!.toFixed(3), pos[(f*22+17)*3+2]!.toFixed(3), pos[(f*22+21)*3+1]!.toFixed(3), pos[(f*22+21)*3+2]!.toFixed(3));
  }
});
