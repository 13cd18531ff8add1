import { describe, expect, test } from 'vitest';
import { validateBytes } from 'gltf-validator';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { BVHLoader } from 'three/examples/jsm/loaders/BVHLoader.js';
import type { GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { readFileSync } from 'node:fs';
import { decodeMotion, encodeMotion, exportBvh, exportGlb, loop, text2motion } from '../index.ts';
import type { Motion } from '../index.ts';
import { BODY_JOINT_COUNT, CANONICAL, JOINT_COUNT } from '../core/skeleton.ts';
import { fingerJoints, handShapeQuats } from '../core/hands.ts';
import { createMotion } from '../core/motion.ts';
import fc from 'fast-check';

function sample(prompt = 'walk forward then wave', durationSec = 3): Motion {
  return text2motion({ prompt, variants: 1, durationSec, footLocking: 'auto', poseFiltering: 0, physicsFilter: false, seed: 7 }).motions[0]!;
}

function parseGltf(bytes: Uint8Array): Promise<GLTF> {
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return new Promise((resolve, reject) => new GLTFLoader().parse(ab, '', resolve, reject));
}

describe('GLB export', () => {
  test('passes the Khronos validator with no errors and has a skin and one animation', async () => {
    const m = sample();
    const glb = await exportGlb(m, { animationName: 'Take 1' });
    const report = await validateBytes(glb);
    const errors = report.issues.messages.filter((x: { severity: number }) => x.severity === 0);
    expect(errors, JSON.stringify(errors.slice(0, 5))).toEqual([]);
    expect(report.info.animationCount).toBe(1);
    expect(report.info.skinCount ?? 1).toBe(1);
  });

  test('loads in three GLTFLoader with a skinned mesh, all bones and a clip of the motion length', async () => {
    const m = sample();
    const gltf = await parseGltf(await exportGlb(m, { animationName: 'Take 1' }));
    expect(gltf.animations).toHaveLength(1);
    const clip = gltf.animations[0]!;
    expect(clip.name).toBe('Take 1');
    expect(clip.duration).toBeCloseTo((m.frames - 1) / m.fps, 4);
    let skinned = 0;
    const names = new Set<string>();
    gltf.scene.traverse((o) => {
      if ((o as { isSkinnedMesh?: boolean }).isSkinnedMesh) skinned++;
      names.add(o.name);
    });
    expect(skinned).toBe(1);
    for (const n of CANONICAL.exportNames) expect(names.has(n)).toBe(true);
    // The mannequin is skinned to every joint, finger joints included (one phalanx segment each).
    let skinIndex: ArrayLike<number> = [];
    gltf.scene.traverse((o) => {
      const g = o as { isSkinnedMesh?: boolean; geometry?: { attributes: { skinIndex: { array: ArrayLike<number> } } } };
      if (g.isSkinnedMesh) skinIndex = g.geometry!.attributes.skinIndex.array;
    });
    const used = new Set(Array.from(skinIndex));
    for (let j = 0; j < JOINT_COUNT; j++) expect(used.has(j), CANONICAL.names[j]).toBe(true);
    // 1 hips translation track + one rotation track per joint.
    expect(clip.tracks).toHaveLength(1 + CANONICAL.names.length);
  });
});

describe('BVH export', () => {
  test('re-parses with three BVHLoader with the same frame count and moving joints', () => {
    const m = sample('walk forward then jump', 4);
    const text = exportBvh(m);
    const result = new BVHLoader().parse(text);
    // Depth-first order in the file: compare as sets (fingers included: 15 per hand).
    expect(
      result.skeleton.bones
        .map((b) => b.name)
        .filter((n) => !n.startsWith('ENDSITE'))
        .sort(),
    ).toEqual([...CANONICAL.exportNames].sort());
    expect(result.skeleton.bones.filter((b) => /Hand(Thumb|Index|Middle|Ring|Pinky)\d$/.test(b.name))).toHaveLength(30);
    const clip = result.clip;
    const hipsPos = clip.tracks.find((t) => t.name === 'Hips.position')!;
    expect(hipsPos.times.length).toBe(m.frames);
    // Hips travel forward (metres → centimetres) and a knee rotates.
    expect(hipsPos.values[hipsPos.values.length - 1]! - hipsPos.values[2]!).toBeGreaterThan(100);
    const knee = clip.tracks.find((t) => t.name === 'LeftLeg.quaternion')!;
    let spread = 0;
    for (let i = 4; i < knee.values.length; i += 4) spread = Math.max(spread, Math.abs(knee.values[i]! - knee.values[0]!));
    expect(spread).toBeGreaterThan(0.1);
  });

  test('rotations survive the Euler round trip', () => {
    const m = sample('wave', 2);
    const clip = new BVHLoader().parse(exportBvh(m)).clip;
    const jc = CANONICAL.names.length;
    for (let j = 0; j < jc; j++) {
      const track = clip.tracks.find((t) => t.name === `${CANONICAL.exportNames[j]}.quaternion`)!;
      for (const f of [0, Math.floor(m.frames / 2), m.frames - 1]) {
        const o = (f * jc + j) * 4;
        const dot = Math.abs(
          track.values[f * 4]! * m.rot[o]! + track.values[f * 4 + 1]! * m.rot[o + 1]! + track.values[f * 4 + 2]! * m.rot[o + 2]! + track.values[f * 4 + 3]! * m.rot[o + 3]!,
        );
        expect(dot).toBeGreaterThan(0.99999);
      }
    }
  });
});

describe('binary motion encoding', () => {
  test('round-trips losslessly', () => {
    const m = sample();
    const bytes = encodeMotion(m);
    const back = decodeMotion(bytes);
    expect(back.frames).toBe(m.frames);
    expect(back.fps).toBe(m.fps);
    expect(back.skeleton).toBe(m.skeleton);
    expect(Array.from(back.rot)).toEqual(Array.from(m.rot));
    expect(Array.from(back.rootPos)).toEqual(Array.from(m.rootPos));
    expect(Array.from(back.contacts)).toEqual(Array.from(m.contacts));
    expect(encodeMotion(back)).toEqual(bytes);
  });

  test('rejects bad bytes with a clear error', () => {
    const bytes = encodeMotion(sample('idle', 1));
    expect(() => decodeMotion(new Uint8Array([1, 2, 3]))).toThrow(/bad magic/);
    expect(() => decodeMotion(bytes.slice(0, bytes.length - 10))).toThrow(/truncated/);
    const flipped = bytes.slice();
    flipped[200] = flipped[200]! ^ 0xff;
    expect(() => decodeMotion(flipped)).toThrow(/checksum/);
  });

  test('motions stored before fingers (22-joint kinema-humanoid-v1) decode with relaxed hands and still edit and export', () => {
    // Written by the engine before the finger joints existed (walk forward then wave, 46 frames).
    const bytes = new Uint8Array(readFileSync(new URL('./fixtures/walk-wave.v1.kmot', import.meta.url)));
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(dv.getUint16(6, true)).toBe(BODY_JOINT_COUNT);
    const m = decodeMotion(bytes);
    expect(m.skeleton).toBe(CANONICAL);
    expect(m.frames).toBe(46);
    // Body joints come through bit for bit from the old layout (header: 21 bytes + id, then root positions).
    const rotStart = 21 + dv.getUint8(20) + m.frames * 3 * 4;
    for (let f = 0; f < m.frames; f += 5)
      for (let j = 0; j < BODY_JOINT_COUNT; j++)
        for (let c = 0; c < 4; c++) {
          expect(m.rot[(f * JOINT_COUNT + j) * 4 + c]).toBe(dv.getFloat32(rotStart + ((f * BODY_JOINT_COUNT + j) * 4 + c) * 4, true));
        }
    const relaxed = handShapeQuats('relaxed', 1);
    const j = fingerJoints(CANONICAL, 1)[4]!;
    expect(Array.from(m.rot.subarray((10 * JOINT_COUNT + j) * 4, (10 * JOINT_COUNT + j) * 4 + 4))).toEqual(Array.from(relaxed.subarray(16, 20)));
    // Edits and exports work on the upgraded motion, and re-encoding writes today's rig.
    const looped = loop(m, { reps: 2, blendSec: 0.2 });
    expect(looped.rot.length).toBe(looped.frames * JOINT_COUNT * 4);
    expect(exportBvh(looped)).toContain('LeftHandIndex1');
    const again = decodeMotion(encodeMotion(m));
    expect(again.rot).toEqual(m.rot);
    expect(new DataView(encodeMotion(m).buffer).getUint16(6, true)).toBe(JOINT_COUNT);
  });

  test('round-trips arbitrary motions (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.constantFrom(24, 30, 29.97, 60), fc.nat(1 << 30), (frames, fps, seed) => {
        const m = createMotion(frames, fps);
        let x = seed;
        const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296) * 2 - 1;
        for (let i = 0; i < m.rot.length; i++) m.rot[i] = rnd();
        for (let i = 0; i < m.rootPos.length; i++) m.rootPos[i] = rnd() * 10;
        for (let i = 0; i < m.contacts.length; i++) m.contacts[i] = rnd() > 0 ? 1 : 0;
        const back = decodeMotion(encodeMotion(m));
        expect(back.fps).toBe(fps);
        expect(back.rot).toEqual(m.rot);
        expect(back.rootPos).toEqual(m.rootPos);
        expect(back.contacts).toEqual(m.contacts);
      }),
      { numRuns: 30 },
    );
  });
});
