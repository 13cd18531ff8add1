import { describe, expect, test } from 'vitest';
import { text2motion } from '../index.ts';
import { clipOf, footSkateRatio, penetration, boneLengthDrift } from '../eval/metrics.ts';
import { parsePrompt } from '../prompt/parse.ts';
import { JOINT_COUNT } from '../core/skeleton.ts';

// One prompt per generator, so every action in the lexicon really produces motion.
const PROMPTS: Record<string, string> = {
  walk: 'walk forward',
  run: 'run',
  jog: 'jog',
  sneak: 'sneak forward',
  limp: 'limp forward',
  march: 'march forward',
  shuffle: 'shuffle forward',
  sidestep: 'sidestep left',
  backward: 'walk backward',
  skip: 'skip forward',
  turn: 'turn right 135 degrees',
  spin: 'spin around',
  jump: 'jump high',
  hop: 'hop on the left foot',
  idle: 'stand idle',
  sit: 'sit down',
  standUp: 'sit down then stand up',
  crouch: 'crouch',
  kneel: 'kneel',
  lieDown: 'lie down',
  sitFloor: 'sit on the floor',
  wave: 'wave',
  clap: 'clap 4 times',
  point: 'point forward',
  bow: 'bow',
  nod: 'nod twice',
  shakeHead: 'shake head',
  shrug: 'shrug',
  punch: 'punch 3 times',
  kick: 'kick',
  dance: 'dance',
  lookAround: 'look around',
  stretch: 'stretch',
  salute: 'salute',
  cheer: 'cheer',
  crossArms: 'cross arms',
  think: 'think',
  jumpingJacks: 'do 3 jumping jacks',
  squat: 'squat twice',
};

describe('every generator', () => {
  test('the lexicon has at least 25 generators and 60 verbs', async () => {
    const { PATTERNS } = await import('../prompt/patterns.ts');
    expect(Object.keys(PROMPTS).length).toBeGreaterThanOrEqual(25);
    expect(PATTERNS.length).toBeGreaterThanOrEqual(60);
  });

  for (const [action, prompt] of Object.entries(PROMPTS)) {
    test(`${action}: "${prompt}" parses to it and synthesizes clean motion`, () => {
      const plan = parsePrompt(prompt);
      expect(plan.steps.map((s) => s.action)).toContain(action === 'standUp' ? 'standUp' : action);
      const { motions } = text2motion({ prompt, variants: 2, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: false, seed: 11 });
      for (const m of motions) {
        for (const v of m.rot) expect(Number.isFinite(v)).toBe(true);
        for (const v of m.rootPos) expect(Number.isFinite(v)).toBe(true);
        const c = clipOf(m);
        expect(penetration(c).max).toBeLessThan(0.001);
        expect(footSkateRatio(c)).toBeLessThanOrEqual(0.07);
        expect(boneLengthDrift(m)).toBeLessThan(1e-4);
        // Something moves: the pose changes over the clip.
        let change = 0;
        const jc = JOINT_COUNT;
        for (let f = 1; f < m.frames; f++) for (let k = 0; k < jc * 4; k++) change = Math.max(change, Math.abs(m.rot[k]! - m.rot[f * jc * 4 + k]!));
        expect(change).toBeGreaterThan(0.02);
      }
    });
  }
});
