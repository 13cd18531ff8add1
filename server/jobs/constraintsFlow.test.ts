/**
 * Constraints through the real HTTP path: a job request with a path, a key pose and a pin runs on
 * the local engine and the exported BVH honours them; reruns and refines keep them; editing them
 * makes a new take; every mistake is a 400 naming the field.
 */
import { describe, expect, it } from 'vitest';
import type { CreateJobRequest, Job } from '../contract/api.ts';
import { bvhPositions, readBvh } from '../engine/io/bvhRead.ts';
import { distanceToPath, pathPolyline } from '../engine/constraints/spline.ts';
import { checkConstraints } from '../providers/checkConstraints.ts';
import { useTestServer } from '../../test/helpers/useTestServer.ts';

const server = useTestServer();
// The first job of a fresh server also starts the engine workers: in a full-suite run on a loaded machine that
// took past the 30 s default wait, so every wait here allows 60 s, and
// the test that runs two jobs back to back has twice that.
const WAIT_MS = 60_000;

async function submit(body: Record<string, unknown>): Promise<Job> {
  const t = server();
  const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const job = await t.waitForJob((res.body as Job).id, WAIT_MS);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  return job;
}

/** World positions (metres) of the named BVH joints, per frame. */
async function bvhOf(job: Job, variant = 1): Promise<{ frames: number; at: (name: string, f: number) => number[] }> {
  const t = server();
  const file = job.variants[variant - 1]!.files.find((f) => f.format === 'bvh')!;
  const clip = readBvh(await (await t.app.request(file.url)).text());
  const P = bvhPositions(clip, 0.01);
  const jc = clip.joints.length;
  const index = (name: string) => clip.joints.findIndex((j) => j.name.endsWith(name));
  return {
    frames: clip.frames,
    at: (name, f) => {
      const j = index(name);
      return [0, 1, 2].map((c) => P[(f * jc + j) * 3 + c]!);
    },
  };
}

const waypoints = [
  { x: 0, z: 0 },
  { x: 1, z: 1.5 },
  { x: 0.2, z: 3 },
];

describe('constraints on local jobs', () => {
  let pathJob: Job;
  it(
    'a path and then a hand key pose dragged on that take are honoured in the exported BVH',
    async () => {
      const t = server();
      const first = await submit({ prompt: 'a person walks', seed: 5, durationSec: 5, constraints: { path: { waypoints } } });
      // The studio drags the hand from where it is at frame 45; editing a constraint makes a new take.
      const h45 = (await bvhOf(first)).at('RightHand', 45);
      const hand: [number, number, number] = [h45[0]! + 0.15, h45[1]! + 0.45, h45[2]! + 0.2];
      const res = await t.json('POST', '/api/jobs', {
        provider: 'local',
        kind: 'rerun',
        parentJobId: first.id,
        variant: 1,
        seed: 5,
        constraints: { path: { waypoints }, keyPoses: [{ t: 1.5, effectors: { rightHand: hand } }] },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      pathJob = await t.waitForJob((res.body as Job).id, WAIT_MS);
      expect(pathJob.status, JSON.stringify(pathJob.error)).toBe('succeeded');
      expect(pathJob.request.constraints).toMatchObject({ path: { waypoints } });
      const b = await bvhOf(pathJob);
      const poly = pathPolyline(waypoints);
      for (let f = 0; f < b.frames; f++) {
        const h = b.at('Hips', f);
        expect(distanceToPath(poly, h[0]!, h[2]!)).toBeLessThan(0.05);
      }
      const end = b.at('Hips', b.frames - 1);
      expect(Math.hypot(end[0]! - 0.2, end[2]! - 3)).toBeLessThan(0.05);
      const rh = b.at('RightHand', 45);
      expect(Math.hypot(rh[0]! - hand[0], rh[1]! - hand[1], rh[2]! - hand[2])).toBeLessThan(0.02);
      expect(pathJob.report?.understood.join(' ')).toMatch(/path/);
    },
    2 * WAIT_MS,
  );

  it('a left foot pinned for 1 s during a pivot stays within 1 cm in the exported BVH', async () => {
    const job = await submit({ prompt: 'a person turns around', seed: 2, durationSec: 3, constraints: { pins: [{ effector: 'leftFoot', start: 1, end: 2 }] } });
    const b = await bvhOf(job);
    const p0 = b.at('LeftFoot', 30);
    for (let f = 30; f <= 60; f++) {
      const p = b.at('LeftFoot', f);
      expect(Math.hypot(p[0]! - p0[0]!, p[1]! - p0[1]!, p[2]! - p0[2]!)).toBeLessThan(0.01);
    }
  });

  it('a rerun keeps the constraints; one with edited constraints is a new take that follows them', async () => {
    const t = server();
    const rerun = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'rerun', parentJobId: pathJob.id, variant: 1 });
    expect(rerun.status).toBe(201);
    expect((rerun.body as Job).request.constraints).toEqual(pathJob.request.constraints);
    const moved = [
      { x: 0, z: 0 },
      { x: -1, z: 2 },
    ];
    const edited = await t.json('POST', '/api/jobs', {
      provider: 'local',
      kind: 'rerun',
      parentJobId: pathJob.id,
      variant: 1,
      seed: pathJob.request.seed,
      constraints: { path: { waypoints: moved } },
    });
    expect(edited.status).toBe(201);
    const job = await t.waitForJob((edited.body as Job).id, WAIT_MS);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.parentJobId).toBe(pathJob.id);
    const b = await bvhOf(job);
    const end = b.at('Hips', b.frames - 1);
    expect(Math.hypot(end[0]! + 1, end[2]! - 2)).toBeLessThan(0.05);
    await t.waitForJob((rerun.body as Job).id, WAIT_MS);
  });

  it('a refine keeps the parent constraints and re-solves them', async () => {
    const t = server();
    const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'refine', parentJobId: pathJob.id, variant: 1, creativity: 0.5 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((res.body as Job).request.constraints).toEqual(pathJob.request.constraints);
    const job = await t.waitForJob((res.body as Job).id, WAIT_MS);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const b = await bvhOf(job);
    const poly = pathPolyline(waypoints);
    for (let f = 0; f < b.frames; f++) {
      const h = b.at('Hips', f);
      expect(distanceToPath(poly, h[0]!, h[2]!)).toBeLessThan(0.05);
    }
  });

  it('refuses bad constraints with a 400 naming the field', async () => {
    const t = server();
    const bad = async (body: Record<string, unknown>, field: RegExp) => {
      const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'a person walks', ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.field).toMatch(field);
      expect(res.body.error.message.length).toBeGreaterThan(10);
    };
    await bad({ constraints: { path: { waypoints: [{ x: 0, z: 0 }] } } }, /constraints\.path\.waypoints/);
    await bad(
      {
        constraints: {
          path: {
            waypoints: [
              { x: 4, z: 0 },
              { x: 5, z: 0 },
            ],
          },
        },
      },
      /constraints\.path\.waypoints\[0\]/,
    );
    await bad({ constraints: { pins: [{ effector: 'nose', start: 0, end: 1 }] } }, /constraints\.pins\[0\]\.effector/);
    await bad({ constraints: { pins: [{ effector: 'leftFoot', start: 2, end: 1 }] } }, /constraints\.pins\[0\]\.end/);
    await bad({ durationSec: 3, constraints: { keyPoses: [{ t: 4 }] } }, /constraints\.keyPoses\[0\]\.t/);
    await bad({ constraints: { keyPoses: [{ t: 1, rotations: { elbow: [0, 0, 0, 1] } }] } }, /constraints\.keyPoses\[0\]\.rotations\.elbow/);
    await bad({ constraints: { keyPoses: [{ t: 1, effectors: { rightHand: [0, 1] } }] } }, /constraints\.keyPoses\[0\]\.effectors/);
    await bad({ constraints: { extra: 1 } }, /constraints/);
  });

  it('refuses constraints sent to a provider itself (they apply to its finished take as a local post-pass)', () => {
    const req: CreateJobRequest = { provider: 'saymotion', kind: 'text2motion', prompt: 'a person walks', constraints: { pins: [{ effector: 'leftFoot', start: 0, end: 1 }] } };
    expect(() => checkConstraints(req)).toThrow(expect.objectContaining({ status: 400, field: 'constraints' }));
  });
});
