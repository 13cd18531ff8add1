/**
 * Edits on the local engine through the real app: every edit is a new job linked to its parent
 * variant, and each operation changes the motion the way its name promises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../contract/api.ts';
import { decodeMotion, type Motion } from '../engine/index.ts';
import { startTestServer, type TestServer } from '../../test/helpers/testServer.ts';

let t: TestServer;
let parent: Job;

beforeAll(async () => {
  t = await startTestServer();
  parent = await run({ kind: 'text2motion', prompt: 'a person walks forward then waves', variants: 2, durationSec: 6, seed: 21 });
});
afterAll(async () => {
  await t.close();
});

async function run(body: Record<string, unknown>): Promise<Job> {
  const res = await t.json('POST', '/api/jobs', { provider: 'local', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const job = await t.waitForJob(res.body.id);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  return job;
}

async function motionOf(job: Job, variant = 1): Promise<Motion> {
  const f = (await t.services.store.file(job.id, variant, 'motion'))!;
  return decodeMotion(await t.services.cache.read(f.relPath, f.sha256));
}

function frameEqual(a: Motion, fa: number, b: Motion, fb: number): boolean {
  const jc = a.skeleton.parents.length;
  for (let k = 0; k < jc * 4; k++) if (a.rot[fa * jc * 4 + k] !== b.rot[fb * jc * 4 + k]) return false;
  for (let k = 0; k < 3; k++) if (a.rootPos[fa * 3 + k] !== b.rootPos[fb * 3 + k]) return false;
  return true;
}

/** Largest joint rotation (radians) between two frames, ignoring the root. */
function poseJump(m: Motion, fa: number, fb: number): number {
  const jc = m.skeleton.parents.length;
  let max = 0;
  for (let j = 1; j < jc; j++) {
    let dot = 0;
    for (let k = 0; k < 4; k++) dot += m.rot[(fa * jc + j) * 4 + k]! * m.rot[(fb * jc + j) * 4 + k]!;
    max = Math.max(max, 2 * Math.acos(Math.min(1, Math.abs(dot))));
  }
  return max;
}

describe('local edits', () => {
  it('inpaint changes only the chosen range (plus its blend margins)', async () => {
    const job = await run({ kind: 'inpaint', parentJobId: parent.id, variant: 2, prompt: 'jump', intervals: [{ start: 2, end: 3.5 }] });
    expect(job.parentJobId).toBe(parent.id);
    expect(job.parentVariant).toBe(2);
    const before = await motionOf(parent, 2);
    const after = await motionOf(job);
    expect(after.frames).toBe(before.frames);
    const margin = Math.ceil(0.5 * before.fps);
    let changedInside = 0;
    for (let f = 0; f < before.frames; f++) {
      const same = frameEqual(before, f, after, f);
      const inside = f >= 2 * before.fps - margin && f <= 3.5 * before.fps + margin;
      if (!inside) expect(same, `frame ${f} outside the window changed`).toBe(true);
      else if (!same) changedInside++;
    }
    expect(changedInside).toBeGreaterThan(30);
    expect(job.report?.understood.join(' ')).toMatch(/inpaint 2\.00 s–3\.50 s/);
  });

  it('loop ×3 is exactly three times as long and its ends meet', async () => {
    const job = await run({ kind: 'loop', parentJobId: parent.id, variant: 1, reps: 3, rootFixMode: 'LOCKED', fixHorizontal: true, fixOrientation: true });
    const before = await motionOf(parent, 1);
    const after = await motionOf(job);
    expect(after.frames).toBe(3 * before.frames);
    // Played in a loop, the step from the last frame back to the first must look like any other step.
    const steps: number[] = [];
    for (let f = 1; f < after.frames; f++) steps.push(poseJump(after, f - 1, f));
    steps.sort((x, y) => x - y);
    const median = steps[steps.length >> 1]!;
    expect(poseJump(after, after.frames - 1, 0)).toBeLessThanOrEqual(Math.max(median * 1.5, 1e-3));
  });

  it('merge appends a follow-up motion', async () => {
    const job = await run({ kind: 'merge', parentJobId: parent.id, variant: 1, prompt: 'sit down', trimLeftFrames: 10, blendSec: 0.3 });
    const before = await motionOf(parent, 1);
    const after = await motionOf(job);
    expect(after.frames).toBeGreaterThan(before.frames - 10);
    expect(job.variants[0]!.durationSec).toBeGreaterThan(parent.variants[0]!.durationSec);
  });

  it('refine makes the requested number of new takes', async () => {
    const job = await run({ kind: 'refine', parentJobId: parent.id, variant: 1, creativity: 0.8, variants: 3 });
    expect(job.variants).toHaveLength(3);
    const a = await motionOf(job, 1);
    const b = await motionOf(job, 2);
    expect(Buffer.from(a.rot.buffer).equals(Buffer.from(b.rot.buffer))).toBe(false);
  });

  it('rerun keeps the parent options, takes a new seed, and the old seed reproduces the parent', async () => {
    const fresh = await run({ kind: 'rerun', parentJobId: parent.id, variant: 1 });
    expect(fresh.request).toMatchObject({ durationSec: 6, variants: 2 });
    expect(fresh.request.seed).not.toBe(21);
    const same = await run({ kind: 'rerun', parentJobId: parent.id, variant: 1, seed: 21 });
    const a = await motionOf(parent, 1);
    const b = await motionOf(same, 1);
    expect(Buffer.from(b.rot.buffer).equals(Buffer.from(a.rot.buffer))).toBe(true);
  });

  it('refuses ranges outside the clip and reruns of edits, naming the field', async () => {
    const bad = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'inpaint', parentJobId: parent.id, variant: 1, prompt: 'jump', intervals: [{ start: 1, end: 99 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('intervals[0].end');
    const badVariant = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'loop', parentJobId: parent.id, variant: 5, reps: 2 });
    expect(badVariant.body.error.field).toBe('variant');
  });
});
