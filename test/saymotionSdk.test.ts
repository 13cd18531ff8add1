/**
 * The official SayMotion JS SDK (npm dm-saymotion-api, unmodified) against Kinema's local
 * SayMotion-compatible endpoint on a real port, with the default local credentials and the real engine.
 * Edit kinds run as soon as the local provider lists them in capabilities().
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { InpaintingParams, LoopParams, MergingParams, RefineParams, RerunParams, SaymotionClient, Status, Text2MotionParams, TimeInterval } from 'dm-saymotion-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capability, Job } from '../server/contract/api.ts';
import { parseBvh, validateGlb } from './helpers/assetChecks.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

// The capability list decides which edit cases run: read it from a real local provider.
const probe = await startTestServer();
const LOCAL_CAPABILITIES = probe.services.providers.get('local')!.capabilities();
await probe.close();
const localSupports = (kind: Capability) => LOCAL_CAPABILITIES.includes(kind);

const POLL_SECONDS = 0.05;
const JOB_TIMEOUT_SECONDS = 120;

let t: TestServer;
let server: ServerType;
let client: SaymotionClient;
let outDir: string;
let modelId: string;
let rid: string;

interface Outcome {
  rid: string;
  result?: unknown;
  error?: { code: string; message: string };
}

/** Runs one blocking SDK job call and returns what its result callback received. */
async function run(start: (onResult: (d: Outcome) => void, onProgress: (p: { progress_percent: number }) => void) => Promise<string>) {
  let outcome: Outcome | null = null;
  const progress: number[] = [];
  const started = await start(
    (d) => {
      outcome = d;
    },
    (p) => {
      progress.push(p.progress_percent);
    },
  );
  expect(outcome, 'the SDK reported no result').not.toBeNull();
  const o = outcome as unknown as Outcome;
  expect(o.error, JSON.stringify(o.error)).toBeUndefined();
  expect(o.result).toBeDefined();
  expect(o.rid).toBe(started);
  return { rid: started, progress };
}

async function job(id: string): Promise<Job> {
  return (await t.services.store.get(id))!;
}

/** Files the SDK saved for a job, checked with tools nobody on this project wrote. */
async function expectDownloaded(jobRid: string, variant: number) {
  const dir = path.join(outDir, jobRid);
  const glb = path.join(dir, `variant_${variant}.glb`);
  const bvh = path.join(dir, `variant_${variant}.bvh`);
  expect(fs.existsSync(glb), glb).toBe(true);
  expect(fs.existsSync(bvh), bvh).toBe(true);
  const report = await validateGlb(fs.readFileSync(glb));
  expect(report.numErrors, JSON.stringify(report.messages.slice(0, 3))).toBe(0);
  expect(parseBvh(fs.readFileSync(bvh, 'utf8')).clip.duration).toBeGreaterThan(0);
  // FBX is offered whenever the local engine produced one; then the SDK must have saved it too.
  const hasFbx = (await job(jobRid)).variants.find((v) => v.index === variant)!.files.some((f) => f.format === 'fbx');
  expect(fs.existsSync(path.join(dir, `variant_${variant}.fbx`))).toBe(hasFbx);
}

beforeAll(async () => {
  t = await startTestServer();
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  client = new SaymotionClient(`http://127.0.0.1:${port}/saymotion`, 'local', 'local', 60);
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-sdk-'));
});

afterAll(async () => {
  await client?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('official SayMotion SDK against the local endpoint', () => {
  it('get_credit_balance', async () => {
    expect(await client.get_credit_balance()).toBe(1_000_000);
  });

  it('list_character_models', async () => {
    const models = await client.list_character_models();
    expect(models.map((m) => m.id)).toContain('mannequin');
    modelId = models[0]!.id;
  });

  it('start_new_job (blocking) and download_job', async () => {
    const params = new Text2MotionParams({ num_variant: 2, requested_animation_duration: 3, foot_locking_mode: 'auto', pose_filtering_strength: 0.2 });
    const r = await run((onResult, onProgress) =>
      client.start_new_job('a person walks forward then waves', modelId, params, onResult, onProgress, POLL_SECONDS, true, JOB_TIMEOUT_SECONDS),
    );
    rid = r.rid;
    const done = await job(rid);
    expect(done).toMatchObject({ provider: 'local', status: 'succeeded', kind: 'text2motion' });
    expect(done.request).toMatchObject({ prompt: 'a person walks forward then waves', variants: 2, durationSec: 3, poseFiltering: 0.2 });
    expect(done.variants).toHaveLength(2);

    const link = await client.download_job(rid, outDir);
    expect(link.variant_download_status).toBe(true);
    await expectDownloaded(rid, 1);
    await client.download_job(rid, outDir, 2);
    await expectDownloaded(rid, 2);
  });

  const edits: Array<[Capability, string, () => Promise<{ rid: string }>]> = [
    [
      'inpaint',
      'start_inpainting_job',
      () =>
        run((onResult, onProgress) =>
          client.start_inpainting_job(
            rid,
            'raise both arms',
            [new TimeInterval(0.5, 1.5)],
            new InpaintingParams({ variant_id: 1 }),
            onResult,
            onProgress,
            POLL_SECONDS,
            true,
            JOB_TIMEOUT_SECONDS,
          ),
        ),
    ],
    [
      'merge',
      'start_merging_job',
      () =>
        run((onResult, onProgress) =>
          client.start_merging_job(
            rid,
            'then sits down',
            new MergingParams({ variant_id: 1, edit_request: { numTrimLeft: 0, numTrimRight: 5 }, blend_duration: 0.5 }),
            onResult,
            onProgress,
            POLL_SECONDS,
            true,
            JOB_TIMEOUT_SECONDS,
          ),
        ),
    ],
    [
      'loop',
      'start_loop_job',
      () =>
        run((onResult, onProgress) =>
          client.start_loop_job(
            rid,
            new LoopParams({
              variant_id: 1,
              num_reps: 2,
              blend_duration: 0.3,
              fix_root_mode: 'INTERPOLATION',
              fix_root_position_altitude: 1,
              fix_root_position_horizontal: 1,
              fix_root_orientation: 0,
              fix_across_entire_motion: 0,
            }),
            onResult,
            onProgress,
            POLL_SECONDS,
            true,
            JOB_TIMEOUT_SECONDS,
          ),
        ),
    ],
    [
      'refine',
      'start_refine_job',
      () =>
        run((onResult, onProgress) =>
          client.start_refine_job(
            rid,
            new RefineParams({ variant_id: 2, prompt: 'more energetic', creativity: 0.5, num_variant: 2 }),
            onResult,
            onProgress,
            POLL_SECONDS,
            true,
            JOB_TIMEOUT_SECONDS,
          ),
        ),
    ],
    [
      'rerun',
      'rerun_job',
      () =>
        run((onResult, onProgress) =>
          client.rerun_job(
            rid,
            modelId,
            new RerunParams({ variant_id: 1, foot_locking_mode: 'always', physics_filter: false }),
            onResult,
            onProgress,
            POLL_SECONDS,
            true,
            JOB_TIMEOUT_SECONDS,
          ),
        ),
    ],
  ];

  for (const [kind, method, start] of edits) {
    it.skipIf(!localSupports(kind))(`${method} (${kind})`, async () => {
      const edit = await start();
      const done = await job(edit.rid);
      expect(done).toMatchObject({ provider: 'local', status: 'succeeded', kind, parentJobId: rid });
      await client.download_job(edit.rid, outDir);
      await expectDownloaded(edit.rid, 1);
    });
  }

  it('list_jobs', async () => {
    const all = await client.list_jobs();
    expect(all.map((j) => j.rid)).toContain(rid);
    const succeeded = await client.list_jobs([Status.SUCCESS], 'text2motion');
    expect(succeeded.map((j) => j.rid)).toContain(rid);
    expect(succeeded.every((j) => j.status === Status.SUCCESS && j.processor === 'text2motion')).toBe(true);
    const listed = succeeded.find((j) => j.rid === rid)!;
    expect(listed.variants).toEqual({ '1': { download: true }, '2': { download: true } });
  });

  it('cancel_job', async () => {
    // One local worker: the second job waits in the queue behind the first, so it is certainly cancelable.
    const busy = await client.start_new_job(
      'a person jogs in a circle',
      modelId,
      new Text2MotionParams({ num_variant: 8, requested_animation_duration: 20 }),
      undefined,
      undefined,
      POLL_SECONDS,
      false,
    );
    const queued = await client.start_new_job('a person jumps', modelId, undefined, undefined, undefined, POLL_SECONDS, false);
    expect(await client.cancel_job(queued)).toBe(true);
    const status = await client.get_job_status(queued);
    expect(status.status).toBe(Status.FAILURE);
    expect(status.details?.exc_type).toBe('canceled');
    expect((await job(queued)).status).toBe('canceled');
    // A second cancel of a finished job reports false.
    expect(await client.cancel_job(queued)).toBe(false);
    await client.cancel_job(busy);
    await t.services.runner.whenSettled(busy);
    expect((await job(busy)).status).toMatch(/canceled|succeeded/);
  });
});
