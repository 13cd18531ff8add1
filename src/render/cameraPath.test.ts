import { describe, expect, it } from 'vitest';
import { cameraPath, fitDistance, smooth, viewDirection, type ClipSamples, type Vec3 } from './cameraPath.ts';

const lens = { fovDeg: 35, aspect: 16 / 9 };

/** A figure 1.8 m tall walking along +Z at 1 m/s for `frames` frames at 30 fps. */
function walking(frames: number): ClipSamples {
  const hips: Vec3[] = [];
  const head: Vec3[] = [];
  const boundsMin: Vec3[] = [];
  const boundsMax: Vec3[] = [];
  for (let i = 0; i < frames; i++) {
    const z = i / 30;
    hips.push([0, 0.95, z]);
    head.push([0, 1.65, z + 0.05]);
    boundsMin.push([-0.4, 0, z - 0.3]);
    boundsMax.push([0.4, 1.75, z + 0.3]);
  }
  return { hips, head, boundsMin, boundsMax };
}

const dist = (p: { position: Vec3; target: Vec3 }) => Math.hypot(p.position[0] - p.target[0], p.position[1] - p.target[1], p.position[2] - p.target[2]);

describe('render camera path', () => {
  it('angle 0 looks at the front (+Z); ±90° looks from the sides', () => {
    const [x0, , z0] = viewDirection(0, 0);
    expect(x0).toBeCloseTo(0);
    expect(z0).toBeCloseTo(1);
    expect(viewDirection(90, 0)[0]).toBeCloseTo(1);
    expect(viewDirection(-90, 0)[0]).toBeCloseTo(-1);
  });

  it('a bigger box needs a bigger distance; a wider frame fits a wide box closer', () => {
    const dir = viewDirection(0, 10);
    const small = fitDistance([-0.5, -0.9, -0.3], [0.5, 0.9, 0.3], dir, lens);
    const big = fitDistance([-1, -1.8, -0.6], [1, 1.8, 0.6], dir, lens);
    expect(big).toBeGreaterThan(small * 1.8);
    const wide: [Vec3, Vec3] = [
      [-2, -0.5, -0.2],
      [2, 0.5, 0.2],
    ];
    expect(fitDistance(...wide, dir, { fovDeg: 35, aspect: 16 / 9 })).toBeLessThan(fitDistance(...wide, dir, { fovDeg: 35, aspect: 1 }));
  });

  it('smoothing keeps a straight line straight and averages out a zigzag', () => {
    const line: Vec3[] = Array.from({ length: 20 }, (_, i) => [i, 0, 0]);
    expect(smooth(line, 3)[10]).toEqual([10, 0, 0]);
    const zigzag: Vec3[] = Array.from({ length: 20 }, (_, i) => [0, i % 2 ? 1 : -1, 0]);
    expect(Math.abs(smooth(zigzag, 4)[10]![1])).toBeLessThan(0.25);
  });

  it('fixed: one camera for the whole clip that sees every frame', () => {
    const path = cameraPath(walking(90), 'fixed', 0, lens, 30);
    expect(path).toHaveLength(90);
    expect(new Set(path.map((p) => p.position.join(','))).size).toBe(1);
    expect(path[0]!.target[2]).toBeCloseTo(89 / 30 / 2, 1); // centred on the walk
  });

  it('cinematic: follows the character at a constant distance, looking from the requested side', () => {
    const path = cameraPath(walking(90), 'cinematic', 45, lens, 30);
    expect(path[89]!.target[2] - path[0]!.target[2]).toBeGreaterThan(2.4); // moved with the walk
    expect(dist(path[89]!)).toBeCloseTo(dist(path[0]!), 6);
    const p = path[45]!;
    expect(p.position[0] - p.target[0]).toBeGreaterThan(0); // +45° is on the +X side
    expect(p.position[2] - p.target[2]).toBeGreaterThan(0);
  });

  it('face: much closer than cinematic, aimed at the head', () => {
    const samples = walking(60);
    const face = cameraPath(samples, 'face', 0, lens, 30);
    const cine = cameraPath(samples, 'cinematic', 0, lens, 30);
    expect(dist(face[30]!)).toBeLessThan(dist(cine[30]!) / 2);
    expect(face[30]!.target[1]).toBeGreaterThan(1.5);
    // Without a head bone the top of the body stands in.
    const headless = cameraPath({ ...samples, head: null }, 'face', 0, lens, 30);
    expect(headless[30]!.target[1]).toBeGreaterThan(1.4);
  });
});
