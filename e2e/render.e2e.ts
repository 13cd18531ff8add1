/**
 * Render to video, end to end: a local clip rendered by the server (headless Chromium on the studio's
 * render page, encoded by ffmpeg) and checked with ffprobe/ffmpeg; then the studio's own buttons:
 * the render dialog submits a green-screen render, and "Record viewport" downloads what the canvas shows.
 */
import fs from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { Job } from '../server/contract/api.ts';
import { changedShare, frameAt, pixel, probeVideo } from '../server/render/testing/probeVideo.ts';

const GREEN: [number, number, number] = [0, 177, 64];

async function submit(request: APIRequestContext, body: Record<string, unknown>): Promise<Job> {
  const res = await request.post('/api/jobs', { data: body });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as Job;
}

async function finished(request: APIRequestContext, id: string, timeoutMs: number): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await (await request.get(`/api/jobs/${id}`)).json()) as Job;
    if (job.status === 'succeeded' || job.status === 'failed' || job.status === 'canceled') return job;
    if (Date.now() > deadline) throw new Error(`job ${id} is still ${job.status} (${job.stage}) after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function downloadFile(request: APIRequestContext, job: Job, format: string, file: string): Promise<string> {
  const url = job.variants[0]?.files.find((f) => f.format === format)?.url;
  expect(url, `job ${job.id} has a ${format} file`).toBeTruthy();
  const res = await request.get(url!);
  expect(res.headers()['content-type']).toBe(format === 'mp4' ? 'video/mp4' : 'video/webm');
  fs.writeFileSync(file, await res.body());
  return file;
}

function near(rgb: [number, number, number], want: [number, number, number], tolerance = 24): boolean {
  return Math.abs(rgb[0] - want[0]) + Math.abs(rgb[1] - want[1]) + Math.abs(rgb[2] - want[2]) <= tolerance;
}

test('a local clip renders to an MP4 of the right length, size and rate, in which the character moves', async ({ request }, testInfo) => {
  test.setTimeout(300_000);
  const clip = await finished(
    request,
    (await submit(request, { provider: 'local', kind: 'text2motion', prompt: 'a person walks forward then waves', durationSec: 3, seed: 11 })).id,
    60_000,
  );
  expect(clip.status).toBe('succeeded');
  const clipSec = clip.variants[0]!.durationSec;

  const render = await finished(request, (await submit(request, { provider: 'local', kind: 'render', parentJobId: clip.id, variant: 1, format: 'mp4' })).id, 240_000);
  expect(render.status, JSON.stringify(render.error)).toBe('succeeded');
  expect(render.variants[0]!.files.map((f) => f.format)).toEqual(['mp4']);
  const mp4 = await downloadFile(request, render, 'mp4', testInfo.outputPath('walk.mp4'));

  const facts = await probeVideo(mp4);
  expect(facts).toMatchObject({ codec: 'h264', width: 1280, height: 720, fps: 30, pixFmt: 'yuv420p' });
  expect(Math.abs(facts.durationSec - clipSec), `video ${facts.durationSec} s vs clip ${clipSec} s`).toBeLessThanOrEqual(1 / 30 + 1e-3);
  expect(Math.abs(facts.frames - clipSec * 30)).toBeLessThanOrEqual(1);

  const early = await frameAt(mp4, 0.2);
  const late = await frameAt(mp4, clipSec - 0.3);
  expect(changedShare(early, late), 'share of pixels that changed between 0.2 s and the end').toBeGreaterThan(0.01);

  // Green screen: a fixed camera and a key-colour background; the corners are pure key colour.
  const green = await finished(
    request,
    (await submit(request, { provider: 'local', kind: 'render', parentJobId: clip.id, variant: 1, format: 'mp4', camMode: 'fixed', bgColor: [...GREEN, 255], shadow: false })).id,
    240_000,
  );
  expect(green.status, JSON.stringify(green.error)).toBe('succeeded');
  const keyed = await frameAt(await downloadFile(request, green, 'mp4', testInfo.outputPath('green.mp4')), clipSec / 2);
  const corners = [pixel(keyed, 1, 1), pixel(keyed, keyed.width - 2, 1), pixel(keyed, 1, keyed.height - 2), pixel(keyed, keyed.width - 2, keyed.height - 2)];
  for (const c of corners) expect(near(c, GREEN), `corner colour ${c.join(',')}`).toBe(true);
});

test('the studio: the render dialog submits a green-screen render; Record viewport downloads what the canvas shows', async ({ page, request }, testInfo) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const clip = await finished(request, (await submit(request, { provider: 'local', kind: 'text2motion', prompt: 'a person jumps', durationSec: 2, seed: 5 })).id, 60_000);
  expect(clip.status).toBe('succeeded');
  await page.goto(`/?job=${clip.id}&variant=1`);
  await page.waitForFunction(() => (window as any).__kinema?.ready === true, null, { timeout: 30_000 });

  // Record a couple of seconds of the playing viewport.
  await page.getByTestId('record-viewport').click();
  await expect(page.getByTestId('record-viewport')).toHaveAttribute('data-recording', 'true');
  await page.waitForTimeout(2000);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('record-viewport').click()]);
  expect(download.suggestedFilename()).toMatch(/^kinema-viewport-\d{8}-\d{6}\.(webm|mp4)$/);
  const recorded = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(recorded);
  const canvasSize = await page.evaluate(() => {
    const c = document.querySelector('[data-testid="viewport"] canvas') as HTMLCanvasElement;
    return { width: c.width, height: c.height };
  });
  const rec = await probeVideo(recorded);
  // Video encoders need even sizes, so an odd canvas side loses its last pixel row or column.
  expect(Math.abs(rec.width - canvasSize.width), `recorded ${rec.width}×${rec.height}, canvas ${canvasSize.width}×${canvasSize.height}`).toBeLessThanOrEqual(1);
  expect(Math.abs(rec.height - canvasSize.height)).toBeLessThanOrEqual(1);
  expect(rec.frames).toBeGreaterThan(5);

  // The render dialog: green-screen preset, fixed camera, MP4 only.
  await page.getByTestId('render-video').click();
  const dialog = page.getByTestId('render-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('render-green-screen').click();
  await dialog.getByTestId('render-cam-fixed').click();
  await dialog.getByTestId('render-format').selectOption('mp4');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/jobs') && r.request().method() === 'POST');
  await dialog.getByTestId('render-submit').click();
  const job = (await (await created).json()) as Job;
  await expect(dialog).toBeHidden();
  expect(job.request).toMatchObject({ kind: 'render', parentJobId: clip.id, variant: 1, bgColor: [...GREEN, 255], camMode: 'fixed', format: 'mp4' });
  const done = await finished(request, job.id, 240_000);
  expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
  // Shown like any other variant's files: the download list offers the MP4.
  await expect(page.getByTestId('download-mp4').first()).toBeVisible({ timeout: 20_000 });
  // The rendered video plays in the viewport, in place of the 3D preview.
  await expect(page.getByTestId('render-video-preview')).toBeVisible();
  expect(errors).toEqual([]);
});
