/**
 * The player as an animator uses it: drop third-party files on the viewport, scrub, step frames, remove root
 * motion, and download a whole job as a zip. Real server, real engine, real Chromium with WebGL.
 * The third-party files live in ../shared/fixtures (CC0 characters, CMU FBX) and Debian's assimp-testmodels
 * (CMU BVH); tests that need them skip with a message when they are absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { canvasSnapshot, differingPixels, dropFiles, submitJob } from './support/studio.ts';

const FIXTURES = path.resolve(fileURLToPath(new URL('..', import.meta.url)), '../shared/fixtures');
const BVH = '/usr/share/assimp/models/BVH/01_01.bvh';

type Vec3 = [number, number, number];

/** Seeks, waits until that frame has been drawn, and reads the root bone's world position. */
async function rootAt(page: Page, t: number): Promise<Vec3> {
  const before = await page.evaluate(() => (window as any).__kinema.framesDrawn as number);
  await page.evaluate((time) => (window as any).__kinema.setTime(time), t);
  await page.waitForFunction((n) => (window as any).__kinema.framesDrawn > n, before);
  return page.evaluate(() => (window as any).__kinema.rootPosition() as Vec3);
}

const readout = async (page: Page) => (await page.getByTestId('time-readout').textContent()) ?? '';
const frameOf = (text: string) => Number(/f (\d+)/.exec(text)?.[1] ?? NaN);

async function waitReady(page: Page, clip?: RegExp) {
  await page.waitForFunction((src) => {
    const k = (window as any).__kinema;
    return k?.ready === true && k.duration() > 0 && (!src || new RegExp(src).test(k.clipName ?? ''));
  }, clip?.source ?? null);
}

// Software WebGL on a busy CI machine draws a few frames per second; give each scenario room.
test.describe.configure({ timeout: 240_000 });

test('drop a GLB character, then an FBX and a BVH clip: they play (on the character), with moving joints', async ({ page }, testInfo) => {
  const male = path.join(FIXTURES, 'human-male.glb');
  const fbx = path.join(FIXTURES, '91_48.fbx');
  test.skip(!fs.existsSync(male) || !fs.existsSync(fbx), `third-party fixtures not found in ${FIXTURES} (a fresh clone has no ../shared)`);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');

  // A rigged character with no animation: shown, with a report instead of a blank canvas.
  await dropFiles(page, [male]);
  await expect(page.getByTestId('local-file-bar')).toContainText('human-male.glb');
  await expect(page.getByTestId('local-file-no-animation')).toContainText('rigged character');
  await expect(page.getByTestId('local-file-summary')).toContainText('66 bones');

  // A CMU FBX clip (centimetre-ish units, Z-up, skeleton only): plays on the character just dropped.
  await dropFiles(page, [fbx]);
  await expect(page.getByTestId('local-file-bar')).toContainText('91_48.fbx');
  await waitReady(page, /91_48/);
  await expect(page.getByTestId('retarget-toggle')).toBeChecked();
  await page.evaluate(() => (window as any).__kinema.pause());
  const a = await rootAt(page, 0.2);
  const pixA = await canvasSnapshot(page);
  const b = await rootAt(page, 2.4);
  const pixB = await canvasSnapshot(page);
  expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]), 'the hips move between 0.2 s and 2.4 s').toBeGreaterThan(0.05);
  expect(a[1], 'hips at human height, not 100× off').toBeGreaterThan(0.6);
  expect(a[1]).toBeLessThan(1.3);
  expect(differingPixels(pixA, pixB), 'the picture changes as the clip plays').toBeGreaterThan(100);
  await page.screenshot({ path: testInfo.outputPath('fbx-on-character.png') });

  // The same clip on its own skeleton (bone figure).
  await page.getByTestId('retarget-toggle').uncheck();
  await waitReady(page, /91_48/);
  await page.evaluate(() => (window as any).__kinema.pause());
  const c = await rootAt(page, 0.2);
  const d = await rootAt(page, 2.4);
  expect(Math.hypot(c[0] - d[0], c[1] - d[1], c[2] - d[2])).toBeGreaterThan(0.05);
  await page.getByTestId('retarget-toggle').check();

  if (fs.existsSync(BVH)) {
    await dropFiles(page, [BVH]);
    await waitReady(page, /01_01/);
    await expect(page.getByTestId('local-file-summary')).toContainText('38 bones');
    await page.evaluate(() => (window as any).__kinema.pause());
    const e = await rootAt(page, 1);
    const f = await rootAt(page, 12);
    expect(Math.hypot(e[0] - f[0], e[2] - f[2]), 'the CMU subject travels across the playground').toBeGreaterThan(0.5);
  } else {
    testInfo.annotations.push({ type: 'skipped-part', description: `${BVH} not installed (apt-get install assimp-testmodels)` });
  }

  // A file that is not a model gets a reason.
  const bogus = testInfo.outputPath('notes.fbx');
  fs.writeFileSync(bogus, 'these are not the bytes you are looking for');
  await dropFiles(page, [bogus]);
  await expect(page.getByTestId('drop-error')).toContainText('is not a GLB, glTF, FBX or BVH file');

  await page.getByTestId('local-file-close').click();
  await expect(page.getByTestId('local-file-bar')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a generated walk: scrub, frame step, in place keeps the root at the origin, zip of the job', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const job = { id: await submitJob(page, { provider: 'local', kind: 'text2motion', prompt: 'a person walks forward', variants: 2, durationSec: 4, seed: 5 }) };
  await page.goto(`/?job=${job.id}`);
  await waitReady(page);
  await page.evaluate(() => (window as any).__kinema.pause());

  // Scrub: dragging on the track moves time and the picture.
  const track = page.getByTestId('timeline-track');
  const box = (await track.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await page.waitForTimeout(200);
  const t1 = await page.evaluate(() => (window as any).__kinema.getTime() as number);
  const pix1 = await canvasSnapshot(page);
  await page.mouse.click(box.x + box.width * 0.8, box.y + box.height / 2);
  await page.waitForTimeout(200);
  const t2 = await page.evaluate(() => (window as any).__kinema.getTime() as number);
  expect(t1).toBeGreaterThan(1);
  expect(t1).toBeLessThan(1.5);
  expect(t2).toBeGreaterThan(3);
  expect(differingPixels(pix1, await canvasSnapshot(page))).toBeGreaterThan(100);

  // Frame step: the frame readout changes by exactly one, each way.
  const f0 = frameOf(await readout(page));
  await page.getByTestId('step-forward').click();
  await expect.poll(async () => frameOf(await readout(page))).toBe(f0 + 1);
  await page.getByTestId('step-back').click();
  await page.getByTestId('step-back').click();
  await expect.poll(async () => frameOf(await readout(page))).toBe(f0 - 1);

  // In place: the walk travels, but with root motion removed the hips stay over the origin.
  const start = await rootAt(page, 0);
  const end = await rootAt(page, 3.9);
  expect(Math.hypot(end[0] - start[0], end[2] - start[2]), 'the walk travels').toBeGreaterThan(1);
  await page.getByTestId('inplace-toggle').click();
  await expect(page.getByTestId('inplace-toggle')).toHaveAttribute('aria-pressed', 'true');
  const heights: number[] = [];
  for (const t of [0, 1, 2, 3, 3.9]) {
    const p = await rootAt(page, t);
    expect(Math.hypot(p[0], p[2]), `root over the origin at ${t} s`).toBeLessThan(0.02);
    heights.push(p[1]);
  }
  expect(Math.max(...heights) - Math.min(...heights), 'height is kept').toBeGreaterThan(0.005);
  await page.getByTestId('inplace-toggle').click();

  // Zip of the whole job: both variants in GLB, FBX and BVH, in place, plus a manifest.
  await page.getByTestId('export-format-bvh').click();
  await page.getByTestId('export-root-motion').selectOption('inPlace');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-zip').click()]);
  expect(download.suggestedFilename()).toMatch(/^a-person-walks-forward_\w{6}\.zip$/);
  const entries = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
  const names = Object.keys(entries)
    .map((n) => n.split('/').pop()!)
    .sort();
  expect(names).toEqual([
    expect.stringMatching(/_v1_inplace\.bvh$/),
    expect.stringMatching(/_v1_inplace\.fbx$/),
    expect.stringMatching(/_v1_inplace\.glb$/),
    expect.stringMatching(/_v2_inplace\.bvh$/),
    expect.stringMatching(/_v2_inplace\.fbx$/),
    expect.stringMatching(/_v2_inplace\.glb$/),
    'manifest.json',
  ]);
  const glb = entries[Object.keys(entries).find((n) => n.endsWith('_v1_inplace.glb'))!]!;
  expect(new TextDecoder().decode(glb.subarray(0, 4))).toBe('glTF');
  const manifest = JSON.parse(new TextDecoder().decode(entries[Object.keys(entries).find((n) => n.endsWith('manifest.json'))!]));
  expect(manifest).toMatchObject({ jobId: job.id, options: { inPlace: true, skin: true }, skipped: [] });
  await page.screenshot({ path: testInfo.outputPath('studio-export.png') });
  expect(errors).toEqual([]);
});

test('the variant grid draws all eight takes in one shared canvas', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const job = { id: await submitJob(page, { provider: 'local', kind: 'text2motion', prompt: 'a person jumps then waves', variants: 8, durationSec: 2, seed: 9 }) };
  await page.goto(`/?job=${job.id}&view=grid`);
  await expect(page.getByTestId('clip-grid-cell')).toHaveCount(8);
  await waitReady(page);
  await page.evaluate(() => (window as any).__kinema.pause());
  await page.waitForTimeout(500);
  await expect(page.getByTestId('clip-grid').locator('canvas')).toHaveCount(1);

  // Every cell's rectangle of the one canvas shows a figure: pixels much lighter than the dark floor and backdrop.
  const lit = await page.evaluate(() => {
    const grid = document.querySelector('[data-testid="clip-grid"]')!;
    const canvas = grid.querySelector('canvas') as HTMLCanvasElement;
    const c = canvas.getBoundingClientRect();
    const sx = canvas.width / c.width;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    return [...grid.querySelectorAll('[data-testid="clip-grid-cell"]')].map((cell) => {
      const r = cell.getBoundingClientRect();
      const data = ctx.getImageData(Math.round((r.left - c.left) * sx), Math.round((r.top - c.top) * sx), Math.round(r.width * sx), Math.round(r.height * sx)).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! > 360) n++;
      return n;
    });
  });
  for (const [i, n] of lit.entries()) expect(n, `light pixels in cell ${i + 1}`).toBeGreaterThan(300);
  await page.screenshot({ path: testInfo.outputPath('grid.png') });
  expect(errors).toEqual([]);
});
