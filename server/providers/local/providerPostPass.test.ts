/**
 * Constraints on a provider take: a SayMotion take (from the contract server, through the real job runner)
 * gets a path and a pin as a local rerun; the engine solves them with IK on the downloaded clip, the new
 * take's BVH honours them and its report says they were applied locally after SayMotion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSayMotionRig, type SayMotionRig } from '../../../test/contract/saymotionRig.ts';
import type { Job } from '../../contract/api.ts';
import { distanceToPath, pathPolyline } from '../../engine/constraints/spline.ts';
import { bvhPositions, readBvh } from '../../engine/io/bvhRead.ts';

let rig: SayMotionRig;
let take: Job;
beforeAll(async () => {
  rig = await startSayMotionRig();
  const created = await rig.submit({ kind: 'text2motion', prompt: 'a person walks forward then waves', variants: 2, durationSec: 4 });
  take = await rig.t.waitForJob(created.id);
  expect(take.status, JSON.stringify(take.error)).toBe('succeeded');
});
afterAll(async () => {
  await rig?.close();
});

async function bvhOf(job: Job): Promise<{ frames: number; fps: number; at: (name: string, f: number) => number[] }> {
  const file = job.variants[0]!.files.find((f) => f.format === 'bvh')!;
  const clip = readBvh(await (await rig.t.app.request(file.url)).text());
  const P = bvhPositions(clip, 0.01);
  const jc = clip.joints.length;
  const index = (name: string) => clip.joints.findIndex((j) => j.name.endsWith(name));
  return {
    frames: clip.frames,
    fps: Math.round(1 / clip.frameTime),
    at: (name, f) => {
      const j = index(name);
      return [0, 1, 2].map((c) => P[(f * jc + j) * 3 + c]!);
    },
  };
}

async function rerun(body: Record<string, unknown>): Promise<{ status: number; body: any }> {
  return rig.t.json('POST', '/api/jobs', { provider: 'local', kind: 'rerun', ...body });
}

const waypoints = [
  { x: 0, z: 0 },
  { x: 0.8, z: 1.2 },
  { x: 0.4, z: 2.4 },
];

describe('constraints on a SayMotion take (local IK post-pass)', () => {
  let constrained: Job;
  it('follows a path on the SayMotion clip, labelled as applied locally', async () => {
    const res = await rerun({ parentJobId: take.id, variant: 2, constraints: { path: { waypoints } } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    constrained = await rig.t.waitForJob((res.body as Job).id);
    expect(constrained.status, JSON.stringify(constrained.error)).toBe('succeeded');
    expect(constrained.provider).toBe('local');
    expect(constrained.parentJobId).toBe(take.id);
    expect(constrained.parentVariant).toBe(2);
    expect(constrained.variants).toHaveLength(1);
    expect(constrained.report?.understood[0]).toBe('constraints applied locally after SayMotion');
    expect(constrained.report?.understood.join(' ')).toMatch(/path through 3 waypoints/);
    // The post-pass keeps the SayMotion clip's length (no new synthesis).
    expect(constrained.variants[0]!.durationSec).toBeCloseTo(take.variants[1]!.durationSec, 1);

    const b = await bvhOf(constrained);
    const poly = pathPolyline(waypoints);
    for (let f = 0; f < b.frames; f++) {
      const h = b.at('Hips', f);
      expect(distanceToPath(poly, h[0]!, h[2]!)).toBeLessThan(0.05);
    }
    const end = b.at('Hips', b.frames - 1);
    expect(Math.hypot(end[0]! - 0.4, end[2]! - 2.4)).toBeLessThan(0.05);
  });

  it('editing the constraints of that take solves them again on the SayMotion clip, not on the last solve', async () => {
    const res = await rerun({ parentJobId: constrained.id, variant: 1, constraints: { pins: [{ effector: 'leftFoot', start: 1, end: 2 }] } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const job = await rig.t.waitForJob((res.body as Job).id);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.parentJobId).toBe(take.id);
    expect(job.parentVariant).toBe(2);
    expect(job.report?.understood[0]).toBe('constraints applied locally after SayMotion');
    expect(job.report?.understood.join(' ')).toMatch(/1 pin/);
    const b = await bvhOf(job);
    const f0 = b.fps,
      f1 = 2 * b.fps;
    const p0 = b.at('LeftFoot', f0);
    for (let f = f0; f <= f1; f++) {
      const p = b.at('LeftFoot', f);
      expect(Math.hypot(p[0]! - p0[0]!, p[1]! - p0[1]!, p[2]! - p0[2]!)).toBeLessThan(0.01);
    }
    // The path of the previous solve is gone: the hips end where the SayMotion clip's do, not on the path's end.
    const end = b.at('Hips', b.frames - 1);
    expect(Math.hypot(end[0]! - 0.4, end[2]! - 2.4)).toBeGreaterThan(0.1);
    // No SayMotion job was submitted for either post-pass.
    expect(rig.contract.count('process', { accepted: true })).toBe(1);
  });

  it('refuses constraints past the end of the SayMotion clip with a 400 naming the field', async () => {
    const res = await rerun({ parentJobId: take.id, variant: 1, constraints: { pins: [{ effector: 'rightHand', start: 1, end: 9 }] } });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.field).toBe('constraints.pins[0].end');
  });

  it('points a SayMotion request carrying constraints to the post-pass', async () => {
    const res = await rig.t.json('POST', '/api/jobs', {
      provider: 'saymotion',
      kind: 'text2motion',
      prompt: 'a person walks',
      constraints: { pins: [{ effector: 'leftFoot', start: 0, end: 1 }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('constraints');
    expect(res.body.error.message).toMatch(/rerun with provider "local"/);
  });
});
