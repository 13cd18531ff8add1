/**
 * Issue 16, as a new user meets it in real Chromium: managing many takes (search, filter, star, rename,
 * collections, delete with lineage children), one render dialog that stays closed once submitted, a zip that
 * works on a render job, a dropped clip made a take ("Use as source") and inpainted, the composer's limits as
 * you type, and the layout at 1024×700 and 800×600. Also writes the review screenshots to docs/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Job } from '../server/contract/api.ts';
import { dragOnLane, dropFiles, newestJob } from './support/studio.ts';

const BVH = '/usr/share/assimp/models/BVH/01_01.bvh';
const BOXING_BVH = '/usr/share/assimp/models/BVH/Boxing_Toes.bvh';
const SHOTS = path.resolve('docs/screenshots');

test.describe.configure({ timeout: 240_000 });

async function finished(request: APIRequestContext, id: string, timeoutMs = 120_000): Promise<Job> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = (await (await request.get(`/api/jobs/${id}`)).json()) as Job;
    if (job.status !== 'queued' && job.status !== 'running') return job;
    if (Date.now() > until) throw new Error(`job ${id} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function make(request: APIRequestContext, body: Record<string, unknown>): Promise<Job> {
  const res = await request.post('/api/jobs', { data: { provider: 'local', ...body } });
  expect(res.status(), await res.text()).toBe(201);
  const job = await finished(request, ((await res.json()) as Job).id);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  return job;
}

const take = (prompt: string) => ({ kind: 'text2motion', prompt, variants: 1, durationSec: 2, seed: 5 });

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

const card = (page: Page, id: string) => page.locator(`[data-testid="job-card"][data-job-id="${id}"]`);

test('takes at scale: search, filter, star, rename, collections, delete with lineage children', async ({ page, request }) => {
  const errors = consoleErrors(page);
  // Other specs share this server: every prompt carries this run's tag, and the list is searched for it.
  const tag = `take${Date.now().toString(36)}`;
  const walk = await make(request, take(`a person walks forward slowly ${tag}`));
  const jump = await make(request, take(`a person jumps in place ${tag}`));
  const wave = await make(request, take(`a person waves with both hands ${tag}`));
  const loop = await make(request, { kind: 'loop', parentJobId: walk.id, variant: 1, reps: 2, prompt: `loop ${tag}` });
  const search = async (text: string) => {
    await page.getByTestId('job-search').fill(text);
    await expect(page.getByTestId('job-count')).toContainText('found');
  };

  await page.goto('/');
  for (const j of [walk, jump, wave, loop]) await expect(card(page, j.id)).toBeVisible();

  // Search as you type (prompt text, case-blind).
  await search(`JUMPS IN PLACE ${tag.toUpperCase()}`);
  await expect(page.getByTestId('job-card')).toHaveCount(1);
  await expect(card(page, jump.id)).toBeVisible();
  await search(tag);
  await expect(page.getByTestId('job-card')).toHaveCount(4);

  // Star, then show starred only.
  await card(page, wave.id).getByTestId('job-star').click();
  await expect(card(page, wave.id).getByTestId('job-star')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('job-filter-starred').click();
  await expect(page.getByTestId('job-card')).toHaveCount(1);
  await page.getByTestId('job-filter-starred').click();
  await expect(page.getByTestId('job-card')).toHaveCount(4);

  // Filters: kind and status.
  await page.getByTestId('job-filters-toggle').click();
  await page.getByTestId('job-filter-kind').selectOption('loop');
  await expect(page.getByTestId('job-card')).toHaveCount(1);
  await expect(card(page, loop.id)).toBeVisible();
  await page.getByTestId('job-filter-kind').selectOption('');
  await page.getByTestId('job-filter-status').selectOption('failed');
  await expect(page.getByTestId('jobs-empty')).toContainText('No jobs match');
  await page.getByTestId('job-filter-status').selectOption('');
  await expect(page.getByTestId('job-card')).toHaveCount(4);

  // Rename: the label shows, and search finds it.
  await card(page, jump.id).getByTestId('job-menu').click();
  await page.getByTestId('job-rename').click();
  await page.getByTestId('job-rename-input').fill('Hero jump');
  await page.getByTestId('job-rename-input').press('Enter');
  await expect(card(page, jump.id).getByTestId('job-title')).toHaveText('Hero jump');
  await search('hero jump');
  await expect(card(page, jump.id)).toBeVisible();
  await expect(card(page, walk.id)).toHaveCount(0);
  await search(tag);

  // Collections: create one (it opens, empty), file a job in it, list only its jobs.
  await page.getByTestId('collection-new').click();
  await page.getByTestId('collection-name').fill('Boss fight');
  await page.getByTestId('collection-save').click();
  await expect(page.getByTestId('jobs-empty')).toBeVisible();
  const boss = await page.getByTestId('collection-select').inputValue();
  expect(boss).toMatch(/^col_/);
  await page.getByTestId('collection-select').selectOption('');
  await card(page, wave.id).getByTestId('job-menu').click();
  await page.getByTestId('job-collection-select').selectOption(boss);
  await page.getByTestId('collection-select').selectOption(boss);
  await expect(page.getByTestId('job-card')).toHaveCount(1);
  await expect(card(page, wave.id)).toBeVisible();
  await expect(page.getByTestId('collection-select').locator('option:checked')).toHaveText('Boss fight (1)');
  // A job generated while the collection is open goes into it.
  await page.getByTestId('prompt-input').fill(`a person kicks ${tag}`);
  await page.getByTestId('generate-button').click();
  await expect(page.getByTestId('job-card')).toHaveCount(2);
  await expect(page.getByTestId('job-card').first()).toContainText('a person kicks');
  await page.getByTestId('collection-select').selectOption('');

  // Delete a lineage parent: the confirmation asks what to do with the loop made from it.
  await card(page, walk.id).getByTestId('job-menu').click();
  await page.getByTestId('job-delete').click();
  await expect(page.getByTestId('delete-job-children')).toBeVisible();
  await page.getByTestId('delete-job-with-children').click();
  await expect(page.getByTestId('delete-job-dialog')).toBeHidden();
  await expect(card(page, walk.id)).toHaveCount(0);
  await expect(card(page, loop.id)).toHaveCount(0);
  expect((await request.get(`/api/jobs/${loop.id}`)).status()).toBe(404);
  expect((await request.get(walk.variants[0]!.files[0]!.url)).status()).toBe(404);

  // A job without children: one confirmation.
  await card(page, jump.id).getByTestId('job-menu').click();
  await page.getByTestId('job-delete').click();
  await page.getByTestId('delete-job-confirm').click();
  await expect(card(page, jump.id)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a job deleted in another tab leaves this one at once, with its selection', async ({ page, context, request }) => {
  const errors = consoleErrors(page);
  const kept = await make(request, take('a person nods'));
  const doomed = await make(request, take('a person shrugs'));
  await page.goto(`/?job=${doomed.id}&variant=1`);
  await page.waitForFunction(() => (window as any).__kinema?.ready === true);
  await expect(card(page, doomed.id)).toBeVisible();
  await expect(card(page, doomed.id)).toHaveAttribute('aria-current', /true/);

  const other = await context.newPage();
  await other.goto(`/?job=${kept.id}&variant=1`);
  await other.waitForFunction(() => (window as any).__kinema?.ready === true);
  await card(other, doomed.id).getByTestId('job-menu').click();
  await other.getByTestId('job-delete').click();
  await other.getByTestId('delete-job-confirm').click();
  await expect(card(other, doomed.id)).toHaveCount(0);

  // No reload here: the deleted event from the stream removes the card and clears the selection.
  await expect(card(page, doomed.id)).toHaveCount(0);
  await expect(card(page, kept.id)).toBeVisible();
  await expect(page.locator('[data-testid="job-card"][aria-current="true"]')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('job')).toBeNull();
  await other.close();
  expect(errors).toEqual([]);
});

test("an uploaded character picked in the composer's character menu is shown in the viewport", async ({ page, request }) => {
  const errors = consoleErrors(page);
  const up = await request.post('/api/characters?name=Composer%20Hero', {
    data: fs.readFileSync(path.resolve('../shared/fixtures/human-male.glb')),
    headers: { 'content-type': 'model/gltf-binary' },
  });
  expect(up.status(), await up.text()).toBe(201);
  const hero = (await up.json()) as { id: string };
  await page.goto('/');
  await page.waitForFunction(() => (window as any).__kinema?.ready === true);
  await expect(page.getByTestId('local-file-bar')).toHaveCount(0);
  await page.getByTestId('character-select').selectOption(hero.id);
  await expect(page.getByTestId('local-file-bar')).toContainText('Composer Hero');
  expect(errors).toEqual([]);
  await request.delete(`/api/characters/${hero.id}`);
});

test('render: one dialog from either button, closed for good once submitted; the render job zips its video', async ({ page, request }) => {
  const errors = consoleErrors(page);
  const clip = await make(request, take('a person turns around'));
  await page.goto(`/?job=${clip.id}&variant=1`);
  await page.waitForFunction(() => (window as any).__kinema?.ready === true);

  // The edit lane's Render opens the same dialog as the toolbar's, with resolution and format.
  await page.getByTestId('edit-action-render').click();
  const dialog = page.getByTestId('render-dialog');
  await expect(dialog.getByTestId('render-resolution')).toBeVisible();
  await expect(dialog.getByTestId('render-format')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByTestId('render-video').click();
  await dialog.getByTestId('render-format').selectOption('mp4');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/jobs') && r.request().method() === 'POST');
  await dialog.getByTestId('render-submit').click();
  const render = (await (await created).json()) as Job;
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('viewport-progress')).toContainText('Rendering video');
  expect((await finished(request, render.id, 200_000)).status).toBe('succeeded');
  await expect(page.getByTestId('render-video-preview')).toBeVisible();
  // It used to come back by itself, options reset, once the render had a variant.
  await page.waitForTimeout(1500);
  await expect(dialog).toHaveCount(0);

  // The video follows the transport: a scrub seeks it.
  await page.waitForFunction(() => (window as any).__kinema?.duration?.() > 0);
  await page.getByTestId('play-toggle').click();
  await page.evaluate(() => (window as any).__kinema.setTime(0.9));
  await expect.poll(() => page.getByTestId('render-video-preview').evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(0.9, 1);

  // Its export panel offers the video, not motion-format chips that a render does not have.
  const panel = page.getByTestId('export-panel');
  await expect(panel.getByTestId('export-video-mp4')).toBeVisible();
  await expect(panel.getByTestId('export-format-glb')).toHaveCount(0);
  await expect(panel).not.toContainText('Pick a format above');
  const video = await request.get((await panel.getByTestId('export-video-mp4').getAttribute('href'))!);
  expect(video.status()).toBe(200);
  expect(video.headers()['content-type']).toBe('video/mp4');

  // The zip of a render job holds its video instead of answering nothing_to_download.
  const zip = page.getByTestId('export-zip');
  await expect(zip).toBeVisible();
  const res = await request.get((await zip.getAttribute('href'))!);
  expect(res.status(), await res.text().catch(() => '')).toBe(200);
  expect(res.headers()['content-type']).toBe('application/zip');
  expect(errors).toEqual([]);
});

test('a dropped clip is a preview until "Use as source" makes it a take that inpaint edits', async ({ page, request }) => {
  test.skip(!fs.existsSync(BVH) || !fs.existsSync(BOXING_BVH), 'assimp BVH test models are missing (apt-get install assimp-testmodels)');
  const errors = consoleErrors(page);
  const clip = await make(request, take('a person stands still'));
  await page.goto(`/?job=${clip.id}&variant=1`);
  await page.waitForFunction(() => (window as any).__kinema?.ready === true);

  // Joint-named limbs (LeftShoulder → LeftElbow, LeftHip → LeftKnee) play on the mannequin, not as a stick figure.
  await dropFiles(page, [BOXING_BVH]);
  await expect(page.getByTestId('retarget-label')).toHaveAttribute('data-retargeted', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('retarget-unmatched')).toHaveCount(0);

  await dropFiles(page, [BVH]);
  await expect(page.getByTestId('stage-bar')).toHaveAttribute('data-mode', 'file');
  await expect(page.getByTestId('stage-file-name')).toHaveText('01_01.bvh');
  await expect(page.getByTestId('local-file-panel')).toBeVisible();
  // Job-only tools step aside: no edit lane, no render.
  await expect(page.getByTestId('edit-lane-track')).toHaveCount(0);
  await expect(page.getByTestId('render-video')).toBeDisabled();

  await expect(page.getByTestId('use-as-source')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('use-as-source').click();
  const importId = await newestJob(page, 'import', null);
  await expect(page.getByTestId('job-card').first()).toContainText('Imported 01_01.bvh');
  await expect(page.getByTestId('stage-bar')).not.toHaveAttribute('data-mode', 'file');
  await page.waitForFunction(() => (window as any).__kinema?.ready === true);

  await dragOnLane(page, page.getByTestId('edit-lane-track'), 0.2, 0.45);
  await expect(page.getByTestId('edit-dialog')).toHaveAttribute('data-tool', 'inpaint');
  await page.getByTestId('edit-inpaint-prompt').fill('jumps in place');
  await page.getByTestId('edit-submit').click();
  const inpaintId = await newestJob(page, 'inpaint', importId);
  const inpaint = (await (await page.request.get(`/api/jobs/${inpaintId}`)).json()) as Job;
  expect(inpaint.parentJobId).toBe(importId);
  expect(errors).toEqual([]);
});

test('composer limits apply as you type, in plain words', async ({ page }) => {
  await page.goto('/');
  const variants = page.getByTestId('variants-input');
  await variants.fill('');
  await variants.pressSequentially('-2.5');
  await expect(variants).toHaveValue('2');
  await variants.fill('');
  await variants.pressSequentially('100');
  await expect(variants).toHaveValue('1');
  await variants.fill('0');
  await expect(page.locator('[data-testid="field-error"][data-field="variants"]')).toHaveText('Ask for at least 1 variant.');
  await variants.fill('3');
  await expect(page.locator('[data-field="variants"]')).toHaveCount(0);

  await page.getByTestId('duration-input').fill('75');
  await expect(page.locator('[data-field="durationSec"]')).toContainText('at most 60 seconds');
  await page.getByTestId('duration-input').fill('4');

  await page.getByTestId('prompt-input').fill('x'.repeat(1200));
  expect((await page.getByTestId('prompt-input').inputValue()).length).toBe(1000);
  await page.getByTestId('prompt-input').fill('');
  await page.getByTestId('generate-button').click();
  await expect(page.locator('[data-field="prompt"]')).toContainText('Describe the motion first');
});

test('layout: at 1024×700 every panel is reachable and the scrub bar keeps its width; at 800×600 panels are drawers', async ({ page, request }) => {
  const clip = await make(request, take('a person walks in a circle'));
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`/?job=${clip.id}&variant=1`);
  await page.waitForFunction(() => (window as any).__kinema?.ready === true);
  const scrub = (await page.getByTestId('scrub-track').boundingBox())!;
  expect(scrub.width).toBeGreaterThanOrEqual(200);
  const speed = (await page.getByTestId('speed-select').boundingBox())!;
  expect(speed.x + speed.width).toBeLessThanOrEqual(1024);
  expect(speed.y + speed.height).toBeLessThanOrEqual(700);
  // Nothing overlaps the transport: the edit lane ends above it.
  const lane = (await page.getByTestId('edit-lane-track').boundingBox())!;
  const transport = (await page.getByTestId('timeline').boundingBox())!;
  expect(lane.y + lane.height).toBeLessThanOrEqual(transport.y + 1);
  for (const id of ['prompt-input', 'generate-button', 'job-search', 'export-zip']) {
    await page.getByTestId(id).scrollIntoViewIfNeeded();
    await expect(page.getByTestId(id)).toBeInViewport();
  }
  // The export options fit the right panel: no select or format chip runs past the window's edge.
  for (const id of ['export-format-vrma', 'export-fps', 'export-preset', 'export-root-motion', 'export-reduce', 'export-trim-end']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.x + box.width, id).toBeLessThanOrEqual(1024);
  }

  // Collapse and restore both side panels.
  await page.getByTestId('toggle-left-panel').click();
  await expect(page.getByTestId('left-panel')).toBeHidden();
  await page.getByTestId('toggle-right-panel').click();
  await expect(page.getByTestId('right-panel')).toBeHidden();
  expect((await page.getByTestId('scrub-track').boundingBox())!.width).toBeGreaterThan(scrub.width);
  await page.getByTestId('toggle-left-panel').click();
  await page.getByTestId('toggle-right-panel').click();
  await expect(page.getByTestId('prompt-input')).toBeVisible();
  await expect(page.getByTestId('export-zip')).toBeVisible();

  // A new job is scrolled into view, wherever the list was scrolled to.
  await make(request, take('a person bows'));
  await make(request, take('a person claps'));
  await page.getByTestId('job-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.getByTestId('prompt-input').fill('a person stretches both arms');
  await page.getByTestId('generate-button').click();
  const fresh = page.getByTestId('job-card').filter({ hasText: 'a person stretches both arms' });
  await expect(fresh).toBeInViewport();
  await expect(fresh).toHaveAttribute('aria-current', 'true');

  // 800×600: the stage has the width; each panel opens as a drawer from the header, and closes again.
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(`/?job=${clip.id}&variant=1`);
  await expect(page.getByTestId('left-panel')).toBeHidden();
  await page.getByTestId('toggle-left-panel').click();
  await expect(page.getByTestId('prompt-input')).toBeInViewport();
  await expect(page.getByTestId('job-search')).toBeInViewport();
  await page.getByTestId('toggle-right-panel').click();
  await expect(page.getByTestId('left-panel')).toBeHidden();
  await expect(page.getByTestId('right-panel')).toBeInViewport();
  await page.getByTestId('toggle-right-panel').click();
  await expect(page.getByTestId('right-panel')).toBeHidden();
});

test('screenshots at 1024×700, 1280×720, 1440×900 and 1920×1080', async ({ page, request }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const root = await make(request, { kind: 'text2motion', prompt: 'a person walks forward then waves', variants: 3, durationSec: 4, seed: 7 });
  await make(request, { kind: 'loop', parentJobId: root.id, variant: 2, reps: 2 });
  await make(request, take('a person jumps over a puddle'));
  for (const [w, h] of [
    [1024, 700],
    [1280, 720],
    [1440, 900],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto(`/?job=${root.id}&variant=2`);
    await page.waitForFunction(() => (window as any).__kinema?.ready === true);
    await page.evaluate(() => {
      (window as any).__kinema.pause();
      (window as any).__kinema.setTime(1.6);
    });
    await page.mouse.move(2, 2);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SHOTS, `studio-${w}x${h}.png`) });
  }
});
