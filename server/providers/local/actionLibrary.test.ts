/** The local action catalog is data: every entry must be unique and fully understood by the engine. */
import { describe, expect, it } from 'vitest';
import { text2motion } from '../../engine/index.ts';
import { LOCAL_ACTIONS, RIG_BASIC_ACTIONS, localAction } from './actionLibrary.ts';

describe('local action library', () => {
  it('has unique ids and keys, and Meshy’s category names', () => {
    expect(new Set(LOCAL_ACTIONS.map((a) => a.id)).size).toBe(LOCAL_ACTIONS.length);
    expect(new Set(LOCAL_ACTIONS.map((a) => a.key)).size).toBe(LOCAL_ACTIONS.length);
    for (const a of LOCAL_ACTIONS) expect(['WalkAndRun', 'DailyActions', 'BodyMovements', 'Fighting', 'Dancing']).toContain(a.category);
    for (const id of RIG_BASIC_ACTIONS) expect(localAction(id)).toBeDefined();
  });

  it('every prompt is understood in full by the engine (nothing ignored, no idle fallback)', () => {
    for (const a of LOCAL_ACTIONS) {
      const { report, motions } = text2motion({ prompt: a.prompt, variants: 1, durationSec: a.durationSec, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: 1 });
      expect(report.ignored, a.key).toEqual([]);
      expect(report.understood.join(' '), a.key).not.toMatch(/no action recognised/);
      expect((motions[0]!.frames - 1) / motions[0]!.fps, a.key).toBeCloseTo(a.durationSec, 1);
    }
  });
});
