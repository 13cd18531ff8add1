import { describe, expect, it } from 'vitest';
import { seamAdvice, seamGap } from './seamMath.ts';

const at = (x: number, y: number, z: number, yawDeg = 0) => ({ x, y, z, yaw: (yawDeg * Math.PI) / 180 });
const fixes = { fixHorizontal: false, fixAltitude: false, fixOrientation: false };

describe('seamGap', () => {
  it('measures floor distance, height and heading change', () => {
    const g = seamGap(at(0, 1, 0, 10), at(3, 1.1, 4, 40));
    expect(g.horizontal).toBeCloseTo(5, 9);
    expect(g.vertical).toBeCloseTo(0.1, 9);
    expect(g.yawDeg).toBeCloseTo(30, 9);
  });
  it('wraps the heading the short way round', () => {
    expect(seamGap(at(0, 0, 0, 170), at(0, 0, 0, -170)).yawDeg).toBeCloseTo(20, 9);
    expect(seamGap(at(0, 0, 0, -170), at(0, 0, 0, 170)).yawDeg).toBeCloseTo(-20, 9);
    expect(seamGap(at(0, 0, 0, 0), at(0, 0, 0, 180)).yawDeg).toBeCloseTo(180, 9);
  });
});

describe('seamAdvice', () => {
  it('says a closed seam needs only a blend', () => {
    expect(seamAdvice(seamGap(at(0, 1, 0), at(0.02, 1, 0, 2)), fixes)).toEqual([{ tone: 'ok', text: expect.stringMatching(/nearly meet/) }]);
  });
  it('warns about each open gap, naming the fix', () => {
    const notes = seamAdvice(seamGap(at(0, 1, 0), at(2, 0.9, 0, -90)), fixes);
    expect(notes.map((n) => n.tone)).toEqual(['warn', 'warn', 'warn']);
    expect(notes.map((n) => n.text).join(' ')).toMatch(/horizontal.*orientation.*altitude/);
    expect(notes[1]!.text).toMatch(/90° right/);
  });
  it('confirms the fixes that are on', () => {
    const notes = seamAdvice(seamGap(at(0, 1, 0), at(2, 1, 0)), { ...fixes, fixHorizontal: true });
    expect(notes).toEqual([{ tone: 'ok', text: expect.stringMatching(/brings each repetition back/) }]);
  });
});
