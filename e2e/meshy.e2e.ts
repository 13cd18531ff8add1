/**
 * The "Characters & actions" flow end to end, in real Chromium against a real server:
 *  - Meshy (its adapter talking to the Meshy contract server started by playwright.config.ts): drop a GLB
 *    character → rig it at a chosen height → tick two library actions with a frame-rate post-process →
 *    animate → play both clips of the merged file → download it; then text-to-motion clips that play on their
 *    own skeleton (swift → BVH, prime → FBX), and the swift clip put on the rig.
 *  - The local engine: rig the mannequin → two library actions → animate → each action is a variant that
 *    plays; "Try" makes one action's clip on demand; an uploaded character can be deleted again.
 */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { glbAsset } from '../test/contract/meshyAssets.ts';
import { loadGlb } from '../test/helpers/assetChecks.ts';
import { canvasSnapshot, differingPixels, jobFromApi, newestJob } from './support/studio.ts';

/** The newest job's id once the list has loaded (null when there is none), to tell the next job from it. */
async function newestId(page: Page): Promise<string | null> {
  await expect(page.getByTestId('job-list').locator('[data-testid="job-card"], [data-testid="jobs-empty"]').first()).toBeVisible();
  return (await page.getByTestId('job-card').count()) > 0 ? page.getByTestId('job-card').first().getAttribute('data-job-id') : null;
}

/** Waits until the viewport plays a clip whose source is one of `urls` (the selected variant's files). */
async function waitPlaying(page: Page, urls: string[]) {
  await page.waitForFunction(
    (keys) => {
      const k = (window as any).__kinema;
      return k?.ready === true && keys.includes(k.firstFrame.key);
    },
    urls,
    { timeout: 30_000 },
  );
}

/** Drops a file on an element the way a browser does: a drop event whose DataTransfer holds the file. */
async function dropFile(target: Locator, name: string, bytes: Uint8Array, type: string) {
  const dataTransfer = await target.page().evaluateHandle(
    ({ name, data, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type }));
      return dt;
    },
    { name, data: Array.from(bytes), type },
  );
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

const check = (page: Page, actionId: number) => page.locator(`[data-testid="library-entry"][data-action-id="${actionId}"] [data-testid="library-entry-check"]`);

test('Meshy: drop a character → rig → two library actions → animate → both clips play → download; text-to-motion plays as BVH (swift) and FBX (prime)', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');

  // The prompt composer stays the default; the flow is one tab away, and Meshy is configured (contract server).
  await expect(page.getByTestId('create-tab-prompt')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('create-tab-actions').click();
  await page.getByTestId('actions-provider-meshy').click();
  await expect(page.getByTestId('actions-panel')).toHaveAttribute('data-provider', 'meshy');

  // 1. Drop a GLB character on the upload zone: it is uploaded, listed for Meshy and chosen.
  await dropFile(page.getByTestId('character-drop'), 'e2e_hero.glb', await glbAsset(null, null, 'e2e hero'), 'model/gltf-binary');
  const hero = page.getByTestId('character-option').filter({ hasText: 'e2e hero' });
  await expect(hero).toHaveCount(1);
  await expect(hero.locator('input[type="radio"]')).toBeChecked();

  // 2. Rig it at 1.8 m.
  await page.getByTestId('rig-height-input').fill('1.8');
  await expect(page.getByTestId('rig-cost')).toContainText('Est. 5 cr');
  const before = await newestId(page);
  await page.getByTestId('rig-button').click();
  const rigId = await newestJob(page, 'rig', before);
  const rig = await jobFromApi(page, rigId);
  expect(rig.provider).toBe('meshy');
  expect(rig.request.heightMeters).toBe(1.8);
  await expect(page.getByTestId('job-card').first().getByTestId('action-job-title')).toHaveText('Rig e2e hero');
  await expect(page.getByTestId('variant-label')).toHaveText(['Rigged character', 'Walking', 'Running']);
  await waitPlaying(
    page,
    rig.variants[0]!.files.map((f) => f.url),
  );
  await expect(page.getByTestId('rig-job-select')).toHaveValue(rigId);

  // 3. Two actions from the library: find one by search, the other by category; ticking order is clip order.
  await page.getByTestId('library-search').fill('jump');
  await expect(page.getByTestId('library-entry')).toHaveCount(1);
  await check(page, 466).check();
  await page.getByTestId('library-search').fill('');
  await page.locator('[data-testid="library-category"][data-category="Fighting"]').click();
  await expect(page.getByTestId('library-entry')).toHaveCount(3);
  await check(page, 4).check();
  await expect(page.getByTestId('selected-action')).toHaveText([/Regular Jump/, /Attack/]);
  await page.getByTestId('post-process-select').selectOption('change_fps');
  await page.getByTestId('post-process-fps').selectOption('60');
  await expect(page.getByTestId('animate-cost')).toContainText('Est. 6 cr');
  await page.getByTestId('animate-button').click();

  // 4. One merged file (one clip per action) plus the 60 fps FBX; both clips play in the viewport.
  const animId = await newestJob(page, 'animate', rigId);
  const anim = await jobFromApi(page, animId);
  expect(anim.parentJobId).toBe(rigId);
  expect(anim.request).toMatchObject({ actionIds: [466, 4], postProcess: { operation: 'change_fps', fps: 60 } });
  expect(anim.variants.map((v) => v.files.map((f) => f.format))).toEqual([['glb', 'fbx'], ['fbx']]);
  await expect(page.getByTestId('job-card').first().getByTestId('action-job-title')).toHaveText('Animate: Regular Jump, Attack');
  await expect(page.getByTestId('variant-label')).toHaveText(['2 actions in one file', 'FBX at 60 fps']);
  await expect(page.getByTestId('summary-actions').locator('li')).toHaveText(['Regular Jump', 'Attack']);

  const urls = anim.variants[0]!.files.map((f) => f.url);
  await waitPlaying(page, urls);
  const clips = page.getByTestId('clip-option');
  await expect(clips).toHaveCount(2);
  await expect(clips.nth(0)).toHaveAttribute('data-clip', 'Regular_Jump');
  await expect(clips.nth(1)).toHaveAttribute('data-clip', 'Attack');
  await expect(clips.nth(0)).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => (window as any).__kinema.clipName)).toBe('Regular_Jump');
  // The same moment of each clip looks different: the second clip really is another motion.
  await page.evaluate(() => {
    (window as any).__kinema.pause();
    (window as any).__kinema.setTime(1);
  });
  await page.waitForTimeout(300);
  const first = await canvasSnapshot(page);
  await clips.nth(1).click();
  await expect(clips.nth(1)).toHaveAttribute('aria-pressed', 'true');
  await page.waitForFunction(() => (window as any).__kinema?.ready === true && (window as any).__kinema.clipName === 'Attack', null, { timeout: 30_000 });
  await page.evaluate(() => {
    (window as any).__kinema.pause();
    (window as any).__kinema.setTime(1);
  });
  await page.waitForTimeout(300);
  expect(differingPixels(first, await canvasSnapshot(page)), 'pixels that differ between the two clips at 1 s').toBeGreaterThan(100);
  await page.screenshot({ path: testInfo.outputPath('meshy-animate.png') });

  // 5. The download is the merged file: a GLB with both clips, in the order they were ticked.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-glb').first().click()]);
  const gltf = await loadGlb(new Uint8Array(fs.readFileSync((await download.path())!)));
  expect(gltf.animations.map((a) => a.name)).toEqual(['Regular_Jump', 'Attack']);

  // 6. Text-to-motion, swift: a BVH clip of 3.5 s (the slider steps by 0.5 s) that plays on its own skeleton.
  await page.getByTestId('motion-prompt-input').fill('a person jumps over a puddle');
  await page.getByTestId('motion-mode-swift').click();
  await page.getByTestId('motion-duration-input').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('motion-duration-value')).toHaveText('3.5 s');
  await expect(page.getByTestId('motion-cost')).toContainText('Est. 3 cr');
  await page.getByTestId('motion-button').click();
  const motionId = await newestJob(page, 'textToMotion', animId);
  const motion = await jobFromApi(page, motionId);
  expect(motion.request).toMatchObject({ prompt: 'a person jumps over a puddle', durationSec: 3.5, mode: 'swift' });
  expect(motion.variants[0]!.files.map((f) => f.format)).toEqual(['bvh']);
  await expect(page.getByTestId('variant-label')).toHaveText(['Motion clip']);
  await waitPlaying(
    page,
    motion.variants[0]!.files.map((f) => f.url),
  );
  expect(await page.evaluate(() => (window as any).__kinema.duration())).toBeCloseTo(3.5, 1);
  await page.evaluate(() => (window as any).__kinema.play());
  const t0 = await page.evaluate(() => (window as any).__kinema.getTime());
  await page.waitForTimeout(600);
  expect(await page.evaluate(() => (window as any).__kinema.getTime())).not.toBeCloseTo(t0, 2);

  // A prime clip is an FBX, and plays too.
  await page.getByTestId('motion-mode-prime').click();
  await expect(page.getByTestId('motion-cost')).toContainText('Est. 10 cr');
  await page.getByTestId('motion-button').click();
  const primeId = await newestJob(page, 'textToMotion', motionId);
  const prime = await jobFromApi(page, primeId);
  expect(prime.variants[0]!.files.map((f) => f.format)).toEqual(['fbx']);
  await waitPlaying(
    page,
    prime.variants[0]!.files.map((f) => f.url),
  );
  expect(await page.evaluate(() => (window as any).__kinema.duration())).toBeCloseTo(3.5, 1);
  // Back to the swift clip in the job list.
  await page.locator(`[data-testid="job-card"][data-job-id="${motionId}"]`).click();

  // 7. Put the clip on the rig: the inspector opens the panel with the clip as the motion source.
  await page.getByTestId('clip-on-rig').click();
  await expect(page.getByTestId('animate-source-motion')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('motion-job-select')).toHaveValue(motionId);
  await page.getByTestId('post-process-select').selectOption('none');
  await page.getByTestId('animate-button').click();
  const onRigId = await newestJob(page, 'animate', primeId);
  expect((await jobFromApi(page, onRigId)).request).toMatchObject({ parentJobId: rigId, motionJobId: motionId });
  await expect(page.getByTestId('job-card').first().getByTestId('action-job-title')).toHaveText('Animate with text-to-motion: “a person jumps over a puddle”');

  expect(errors).toEqual([]);
});

test('local engine: rig the mannequin → two library actions → animate → each action plays; try one; upload and delete a character', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByTestId('create-tab-actions').click();
  await page.getByTestId('actions-provider-local').click();
  await expect(page.getByTestId('actions-panel')).toHaveAttribute('data-provider', 'local');

  // 1. The built-in mannequin is the character; rigging it is free.
  await expect(page.getByTestId('character-option').first()).toContainText('Kinema mannequin');
  await expect(page.getByTestId('rig-cost')).toContainText('Free');
  await expect(page.getByTestId('animate-button')).toBeDisabled();
  const before = await newestId(page);
  await page.getByTestId('rig-button').click();
  const rigId = await newestJob(page, 'rig', before);
  await expect(page.getByTestId('variant-label')).toHaveText(['Rigged character', 'Walking', 'Running']);

  // 2. Two actions; a local action shows the prompt it is made from.
  await page.getByTestId('library-search').fill('wave');
  await expect(page.getByTestId('library-entry')).toHaveCount(1);
  await expect(page.getByTestId('library-entry')).toContainText('“wave hello”');
  await check(page, 24).check();
  await page.getByTestId('library-search').fill('');
  await page.locator('[data-testid="library-category"][data-category="Fighting"]').click();
  await check(page, 39).check();
  await expect(page.getByTestId('selected-action')).toHaveText([/Wave Hello/, /Punch/]);
  await page.getByTestId('animate-button').click();

  // 3. One variant per action, named by it, each playing its own clip of its own length.
  const animId = await newestJob(page, 'animate', rigId);
  const anim = await jobFromApi(page, animId);
  expect(anim.request).toMatchObject({ provider: 'local', parentJobId: rigId, actionIds: [24, 39] });
  await expect(page.getByTestId('variant-label')).toHaveText(['Wave Hello', 'Punch']);
  await expect(page.getByTestId('job-card').first().getByTestId('action-job-title')).toHaveText('Animate: Wave Hello, Punch');
  for (const v of anim.variants) {
    await page.locator(`[data-testid="variant-card"][data-variant="${v.index}"]`).click();
    await waitPlaying(
      page,
      v.files.map((f) => f.url),
    );
    expect(await page.evaluate(() => (window as any).__kinema.duration())).toBeCloseTo(v.durationSec, 1);
  }
  expect(anim.variants.map((v) => Math.round(v.durationSec))).toEqual([3, 2]);

  // 4. "Try" makes one action's clip on demand, on the chosen rig.
  await page.locator('[data-testid="library-category"][data-category=""]').click();
  await page.getByTestId('library-search').fill('bow');
  await expect(page.getByTestId('library-entry')).toHaveCount(1);
  await page.getByTestId('library-try').click();
  const tryId = await newestJob(page, 'animate', animId);
  expect((await jobFromApi(page, tryId)).request).toMatchObject({ parentJobId: rigId, actionIds: [27] });
  await expect(page.getByTestId('job-card').first().getByTestId('action-job-title')).toHaveText('Animate: Bow');

  // 5. Upload a character with the file picker, then delete it (the second click confirms).
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('character-file-button').click()]);
  await chooser.setFiles({ name: 'Temp_Dummy.glb', mimeType: 'model/gltf-binary', buffer: Buffer.from(await glbAsset(null, null, 'temp dummy')) });
  const dummy = page.getByTestId('character-option').filter({ hasText: 'Temp Dummy' });
  await expect(dummy).toHaveCount(1);
  await dummy.getByTestId('character-delete').click();
  await dummy.getByTestId('character-delete-confirm').click();
  await expect(dummy).toHaveCount(0);
  const left = (await (await page.request.get('/api/characters?provider=local')).json()) as Array<{ name: string }>;
  expect(left.map((c) => c.name)).not.toContain('Temp Dummy');

  // A file that is not a character is refused before uploading.
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('character-file-button').click()]);
  await again.setFiles({ name: 'walk.bvh', mimeType: 'text/plain', buffer: Buffer.from('HIERARCHY\n') });
  await expect(page.getByTestId('character-upload-error')).toContainText('GLB, VRM or FBX');

  expect(errors).toEqual([]);
});
