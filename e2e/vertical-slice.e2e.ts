/**
 * The first thing a new user does: type a prompt, watch live progress, see the character move,
 * download the GLB and BVH. Real server, real engine, real Chromium with WebGL.
 */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadGlb, maxTrackMotion, parseBvh, validateGlb } from '../test/helpers/assetChecks.ts';
import { canvasSnapshot, differingPixels } from './support/studio.ts';

test('prompt → live progress → character walks and waves → GLB and BVH download', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByTestId('prompt-input').fill('a person walks forward slowly then waves');
  await page.getByTestId('variants-input').fill('2');
  // A long clip, so the job runs long enough for progress to be drawn: FBX and BVH are now made on first
  // download, and a short job finishes before its first progress event reaches the card.
  await page.getByTestId('duration-input').fill('60');

  // Progress must arrive over SSE while the job runs: record every progress value the card shows.
  const seen = new Set<string>();
  await page.exposeFunction('__recordProgress', (v: string) => seen.add(v));
  await page.evaluate(() => {
    const obs = new MutationObserver(() => {
      for (const el of document.querySelectorAll('[data-testid="job-progress"]')) {
        const v = el.getAttribute('aria-valuenow');
        if (v) (window as unknown as { __recordProgress(v: string): void }).__recordProgress(v);
      }
    });
    obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });

  await page.getByTestId('generate-button').click();
  const card = page.getByTestId('job-card').first();
  await expect(card).toHaveAttribute('data-status', /queued|running|succeeded/);
  await expect(card).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  expect(seen.size, `progress values seen: ${[...seen].join(', ')}`).toBeGreaterThan(0);

  // Two variants, and the engine's report of what it understood.
  await expect(page.getByTestId('variant-card')).toHaveCount(2);
  await expect(page.getByText(/walk/i).first()).toBeVisible();

  // The viewport plays the clip: pause, then compare the picture at two timeline positions.
  await page.waitForFunction(() => (window as any).__kinema?.ready === true, null, { timeout: 30_000 });
  await page.evaluate(() => (window as any).__kinema.pause());
  const track = page.getByTestId('timeline-track');
  const box = (await track.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.1, box.y + box.height / 2);
  await page.waitForTimeout(300);
  const t1 = await page.evaluate(() => (window as any).__kinema.getTime());
  const a = await canvasSnapshot(page);
  await page.mouse.click(box.x + box.width * 0.85, box.y + box.height / 2);
  await page.waitForTimeout(300);
  const t2 = await page.evaluate(() => (window as any).__kinema.getTime());
  const b = await canvasSnapshot(page);
  expect(t2).toBeGreaterThan(t1 + 2);
  const changed = differingPixels(a, b);
  expect(changed, 'pixels that changed between the two timeline positions').toBeGreaterThan(150);
  await page.screenshot({ path: testInfo.outputPath('studio.png') });

  // Downloads: the GLB validates, has a skin and one animation; the BVH re-parses.
  const [glbDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-glb').first().click()]);
  expect(glbDownload.suggestedFilename()).toMatch(/\.glb$/);
  const glb = new Uint8Array(fs.readFileSync(await glbDownload.path()));
  const report = await validateGlb(glb);
  expect(report.numErrors, JSON.stringify(report.messages.slice(0, 5))).toBe(0);
  const gltf = await loadGlb(glb);
  expect(gltf.animations).toHaveLength(1);
  let skinned = 0;
  gltf.scene.traverse((o) => {
    if ((o as { isSkinnedMesh?: boolean }).isSkinnedMesh) skinned++;
  });
  expect(skinned).toBeGreaterThan(0);
  const rotTracks = gltf.animations[0]!.tracks.filter((t) => t.name.endsWith('.quaternion'));
  expect(Math.max(...rotTracks.map((t) => maxTrackMotion(t.values, 4)))).toBeGreaterThan(0.1);

  const [bvhDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-bvh').first().click()]);
  expect(bvhDownload.suggestedFilename()).toMatch(/\.bvh$/);
  const bvh = parseBvh(fs.readFileSync(await bvhDownload.path(), 'utf8'));
  expect(bvh.skeleton.bones.length).toBeGreaterThan(15);
  expect(bvh.clip.duration).toBeGreaterThan(5.5);

  expect(errors).toEqual([]);
});

test('a validation error is shown next to its field', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('prompt-input').fill('a person waves');
  await page.getByTestId('duration-input').fill('500');
  await page.getByTestId('generate-button').click();
  await expect(page.getByTestId('field-error').first()).toContainText(/durationSec|seconds/i);
});
