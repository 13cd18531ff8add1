/**
 * The local renderer against the real thing: the built render page on a listening server, Debian's
 * Chromium and ffmpeg. Checks per-frame progress, the files (probed with ffprobe), one render at a time,
 * cancel killing both programs, and the clear failures when the server cannot render.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../contract/providerError.ts';
import { LocalRenderer } from './localRenderer.ts';
import { DEFAULT_RENDER_TOOLS } from './renderTools.ts';
import { ServerOrigin } from './serverOrigin.ts';
import { fakeRenderContext, frameTimes } from './testing/fakeRenderContext.ts';
import { startRenderServer, type RenderTestServer } from './testing/startRenderServer.ts';
import { frameAt, pixel, probeVideo } from './testing/probeVideo.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-render-out-'));
function writeTmp(name: string, bytes: Uint8Array): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Processes still in a group (Chromium's helpers share the browser's process group). */
function groupMembers(pgid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        // Fields after the ")" that closes the command name: state ppid pgrp …
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return fields[0] !== 'Z' && Number(fields[2]) === pgid ? [Number(d)] : [];
      } catch {
        return [];
      }
    });
}

async function until(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let t: RenderTestServer;
const logs: Array<Record<string, unknown>> = [];
let parent: { jobId: string; glb: Uint8Array; durationSec: number };

beforeAll(async () => {
  t = await startRenderServer({ logSink: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'a person walks forward', durationSec: 1, seed: 7 });
  const job = await t.waitForJob(res.body.id, 60_000);
  expect(job.status).toBe('succeeded');
  const glb = new Uint8Array(await (await t.app.request(job.variants[0]!.files.find((f) => f.format === 'glb')!.url)).arrayBuffer());
  parent = { jobId: job.id, glb, durationSec: job.variants[0]!.durationSec };
}, 120_000);

afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('local renderer', () => {
  it('renders every frame with progress per frame, one render at a time, to MP4 and WebM', async () => {
    const renderer = new LocalRenderer({ tools: DEFAULT_RENDER_TOOLS, origin: t.services.origin });
    const first = fakeRenderContext(parent, { format: 'both' });
    // A transparent green-screen face close-up, submitted at the same moment: it must wait for the first.
    const second = fakeRenderContext(parent, { camMode: 'face', bgColor: [0, 177, 64, 0], shadow: false });
    await Promise.all([renderer.run(first.ctx), renderer.run(second.ctx)]);

    const frames = Math.round(parent.durationSec * 30);
    for (const r of [first, second]) {
      const perFrame = r.progress.filter((p) => p.stage?.startsWith('rendering frame '));
      expect(perFrame.map((p) => p.stage)).toEqual(Array.from({ length: frames }, (_, i) => `rendering frame ${i + 1}/${frames}`));
      for (let i = 1; i < perFrame.length; i++) expect(perFrame[i]!.percent).toBeGreaterThan(perFrame[i - 1]!.percent);
      expect(r.durations.get(1)).toBeCloseTo(frames / 30, 6);
      expect([...r.files.keys()].sort()).toEqual(['1.mp4', '1.webm']);
    }
    // One at a time: whichever reached the gate first (both do async checks before it), the other drew
    // its first frame only after that one had drawn its last, and said it was waiting.
    const [earlier, later] = frameTimes(first)[0]! < frameTimes(second)[0]! ? [first, second] : [second, first];
    expect(frameTimes(later)[0]).toBeGreaterThan(frameTimes(earlier).at(-1)!);
    expect(later.progress[0]!.stage).toBe('waiting for another render to finish');

    const mp4 = await probeVideo(writeTmp('first.mp4', first.files.get('1.mp4')!));
    expect(mp4).toMatchObject({ codec: 'h264', width: 1280, height: 720, fps: 30, frames, pixFmt: 'yuv420p' });
    expect(Math.abs(mp4.durationSec - frames / 30)).toBeLessThanOrEqual(1 / 30 + 1e-6);
    const webm = await probeVideo(writeTmp('first.webm', first.files.get('1.webm')!));
    expect(webm).toMatchObject({ codec: 'vp9', width: 1280, height: 720, fps: 30, alphaMode: false });

    // Transparent: the WebM carries alpha, the MP4 shows the key colour where there is no character.
    const keyed = writeTmp('second.mp4', second.files.get('1.mp4')!);
    const corner = pixel(await frameAt(keyed, 0.5), 2, 2);
    expect(Math.abs(corner[0] - 0) + Math.abs(corner[1] - 177) + Math.abs(corner[2] - 64)).toBeLessThan(20);
    expect((await probeVideo(writeTmp('second.webm', second.files.get('1.webm')!))).alphaMode).toBe(true);
  }, 240_000);

  it('cancel kills Chromium (with its helpers) and ffmpeg, and stores nothing', async () => {
    const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'render', parentJobId: parent.jobId, variant: 1, resolution: '1080p' });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    await until(async () => /^rendering frame [3-9]/.test((await t.services.store.get(id))?.stage ?? ''), 120_000, 'the render to be a few frames in');
    const started = logs.find((l) => l.msg === 'render started' && l.jobId === id)!;
    const chromiumPid = started.chromiumPid as number;
    const ffmpegPid = started.ffmpegPid as number;
    expect(alive(chromiumPid) && alive(ffmpegPid)).toBe(true);
    expect(groupMembers(chromiumPid).length).toBeGreaterThan(1); // browser plus its renderer/GPU helpers

    const cancel = await t.json('POST', `/api/jobs/${id}/cancel`);
    expect(cancel.status).toBe(200);
    await until(() => !alive(chromiumPid) && !alive(ffmpegPid) && groupMembers(chromiumPid).length === 0, 10_000, 'Chromium and ffmpeg to exit');
    await t.services.runner.whenSettled(id);
    const job = (await t.services.store.get(id))!;
    expect(job.status).toBe('canceled');
    expect(job.variants.flatMap((v) => v.files)).toEqual([]);
  }, 180_000);

  it('an app with no listening socket fails the job saying the server must listen', async () => {
    const renderer = new LocalRenderer({ tools: DEFAULT_RENDER_TOOLS, origin: new ServerOrigin(), originWaitMs: 50 });
    const err = await renderer.run(fakeRenderContext(parent, {}).ctx).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).code).toBe('render_unavailable');
    expect((err as Error).message).toContain('listening on a port');
  });

  it('a server without the built render page fails with how to build it', async () => {
    const bare = serve({ fetch: new Hono().get('*', (c) => c.html('<!doctype html><div id="root"></div>')).fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => bare.once('listening', () => r()));
    try {
      const origin = new ServerOrigin();
      origin.set(`http://127.0.0.1:${(bare.address() as AddressInfo).port}`);
      const renderer = new LocalRenderer({ tools: DEFAULT_RENDER_TOOLS, origin });
      const err = await renderer.run(fakeRenderContext(parent, {}).ctx).then(
        () => null,
        (e: unknown) => e,
      );
      expect((err as ProviderError).code).toBe('render_page_missing');
      expect((err as Error).message).toContain('npx vite build');
    } finally {
      bare.close();
    }
  });

  it('a variant without a GLB is refused before anything starts', async () => {
    const renderer = new LocalRenderer({ tools: DEFAULT_RENDER_TOOLS, origin: t.services.origin });
    const { ctx } = fakeRenderContext({ jobId: parent.jobId, glb: null }, {});
    await expect(renderer.run(ctx)).rejects.toMatchObject({ code: 'parent_unsupported' });
  });
});
