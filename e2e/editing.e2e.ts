/**
 * Editing on the local engine, end to end in real Chromium against a real server:
 * 4 variants → compare them in the grid → pick variant 2 → drag a range on the edit lane and inpaint it →
 * loop the result 3× → refine it → the lineage shows the four jobs with the right parents → A/B compare →
 * a reload on the job URL restores the same selection and view.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dragOnLane, jobFromApi, newestJob, type JobJson } from './support/studio.ts';

/**
 * Waits until the clip (or the grid's clips) are loaded, then pauses: nothing here needs playback, and a paused
 * canvas stops rendering, which keeps software WebGL from starving the rest of the test on a busy machine.
 */
async function waitReady(page: Page) {
  await page.waitForFunction(() => (window as any).__kinema?.ready === true, null, { timeout: 60_000 });
  await page.evaluate(() => (window as any).__kinema.pause());
}

/** Per-cell pixel change of the grid canvas between two moments: proves every cell animates, in step. */
async function cellSnapshots(page: Page): Promise<number[][]> {
  return page.evaluate(() => {
    const grid = document.querySelector('[data-testid="clip-grid"]')!;
    const canvas = grid.querySelector('canvas') as HTMLCanvasElement;
    const gridRect = canvas.getBoundingClientRect();
    const sx = canvas.width / gridRect.width;
    const out: number[][] = [];
    for (const cell of grid.querySelectorAll('[data-testid="clip-grid-cell"]')) {
      const r = cell.getBoundingClientRect();
      const c2 = document.createElement('canvas');
      c2.width = 96;
      c2.height = 96;
      const ctx = c2.getContext('2d')!;
      ctx.drawImage(canvas, (r.left - gridRect.left) * sx, (r.top - gridRect.top) * sx, r.width * sx, r.height * sx, 0, 0, 96, 96);
      out.push(Array.from(ctx.getImageData(0, 0, 96, 96).data));
    }
    return out;
  });
}

function changed(a: number[], b: number[]): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > 24) n++;
  return n;
}

async function setTime(page: Page, t: number) {
  await page.evaluate((time) => {
    (window as any).__kinema.pause();
    (window as any).__kinema.setTime(time);
  }, t);
  await page.waitForTimeout(250);
}

/** The MOTION section of a variant's BVH download: one array of channel values per frame. */
async function bvhFrames(page: Page, job: JobJson, variant: number): Promise<number[][]> {
  const file = job.variants.find((v) => v.index === variant)!.files.find((f) => f.format === 'bvh')!;
  const text = await (await page.request.get(file.url)).text();
  const motion = text.slice(text.indexOf('Frame Time:'));
  return motion
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/).map(Number));
}

/** Largest joint-angle change (degrees, wrap-aware) between two BVH frames, ignoring the root's position. */
function poseStep(a: number[], b: number[]): number {
  let max = 0;
  for (let k = 3; k < a.length; k++) max = Math.max(max, Math.abs(((((a[k]! - b[k]!) % 360) + 540) % 360) - 180));
  return max;
}

test('variants → grid → pick → inpaint → loop ×3 → refine → lineage, A/B, and the URL restores it', async ({ page }) => {
  test.setTimeout(420_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // 1. A prompt with four variants.
  await page.goto('/');
  await page.getByTestId('prompt-input').fill('a person walks forward then waves');
  await page.getByTestId('variants-input').fill('4');
  await page.getByTestId('duration-input').fill('4');
  await page.getByTestId('generate-button').click();
  const rootId = await newestJob(page, 'text2motion', null);
  await expect(page.getByTestId('variant-card')).toHaveCount(4);

  // 2. Compare them in the grid: four cells, one shared playhead, every cell moves between two moments.
  await page.getByTestId('view-grid').click();
  await expect(page).toHaveURL(/view=grid/);
  await expect(page.getByTestId('clip-grid-cell')).toHaveCount(4);
  await waitReady(page);
  await setTime(page, 0.3);
  const before = await cellSnapshots(page);
  await setTime(page, 3.2);
  const after = await cellSnapshots(page);
  expect(before).toHaveLength(4);
  for (let i = 0; i < 4; i++) expect(changed(before[i]!, after[i]!), `cell ${i + 1} changed between 0.3 s and 3.2 s`).toBeGreaterThan(40);
  expect(await page.evaluate(() => (window as any).__kinema.getTime())).toBeCloseTo(3.2, 5);

  // 3. Pick variant 2 to continue with.
  await page.locator('[data-testid="grid-pick"][data-variant="2"]').click();
  await expect(page.getByTestId('clip-grid')).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`job=${rootId}&variant=2`));
  await expect(page).not.toHaveURL(/view=/);
  await expect(page.locator('[data-testid="variant-card"][data-variant="2"]')).toHaveAttribute('data-selected', 'true');
  await waitReady(page);

  // 4. Drag a range on the edit lane and inpaint it with a new prompt.
  const lane = page.getByTestId('edit-lane-track');
  await dragOnLane(page, lane, 0.3, 0.6);
  const range = page.getByTestId('inpaint-range');
  await expect(range).toHaveCount(1);
  const start = Number(await range.getAttribute('data-start'));
  const end = Number(await range.getAttribute('data-end'));
  expect(start).toBeGreaterThan(0.9);
  expect(end).toBeLessThan(2.7);
  // Frame accurate: both edges sit on 30 fps frame boundaries.
  expect(Math.abs(start * 30 - Math.round(start * 30))).toBeLessThan(1e-3);
  expect(Math.abs(end * 30 - Math.round(end * 30))).toBeLessThan(1e-3);
  const dialog = page.getByTestId('edit-dialog');
  await expect(dialog).toHaveAttribute('data-tool', 'inpaint');
  await expect(page.getByTestId('edit-cost')).toHaveText(/Free/);
  await page.getByTestId('edit-inpaint-prompt').fill('jumps in place');
  await page.getByTestId('edit-submit').click();
  const inpaintId = await newestJob(page, 'inpaint', rootId);
  const inpaint = await jobFromApi(page, inpaintId);
  expect(inpaint).toMatchObject({ parentJobId: rootId, parentVariant: 2 });
  expect(inpaint.request.intervals).toEqual([{ start: Math.round(start * 1000) / 1000, end: Math.round(end * 1000) / 1000 }]);
  await expect(dialog).toHaveCount(0);

  // The local engine reruns prompt jobs only: on this inpaint, Rerun is explained instead of failing on submit.
  await waitReady(page);
  const rerun = page.getByTestId('edit-action-rerun');
  await expect(rerun).toHaveAttribute('data-state', 'blocked');
  await rerun.click();
  await expect(page.getByTestId('edit-blocked')).toContainText(/reruns prompt jobs only/);
  await expect(page.getByTestId('edit-submit')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // 5. Loop the result 3×, after a look at the seam.
  await waitReady(page);
  await page.getByTestId('edit-action-loop').click();
  await expect(dialog).toHaveAttribute('data-tool', 'loop');
  await expect(page.getByTestId('seam-preview')).toHaveAttribute('data-measured', 'true', { timeout: 20_000 });
  await expect(page.getByTestId('seam-advice')).toContainText(/gap/);
  await page.getByTestId('edit-reps').fill('3');
  // The lane previews the result: the take plus two ghosted repetitions with their seams.
  await expect(page.getByTestId('loop-rep')).toHaveCount(2);
  await expect(page.getByTestId('loop-seam')).toHaveCount(2);
  await page.getByTestId('edit-submit').click();
  const loopId = await newestJob(page, 'loop', inpaintId);
  const loop = await jobFromApi(page, loopId);
  expect(loop).toMatchObject({ parentJobId: inpaintId, parentVariant: 1, request: { reps: 3 } });
  // Exactly three repetitions: 3× the frames (durationSec spans first to last frame, at 30 fps).
  const frames = (sec: number) => Math.round(sec * 30) + 1;
  expect(frames(loop.variants[0]!.durationSec)).toBe(3 * frames(inpaint.variants[0]!.durationSec));

  // The edits change the clip the way their names promise, read back from the BVH downloads.
  const root = await jobFromApi(page, rootId);
  const [parentFrames, inpaintFrames, loopFrames] = await Promise.all([bvhFrames(page, root, 2), bvhFrames(page, inpaint, 1), bvhFrames(page, loop, 1)]);
  // Inpaint: identical outside the range (plus the engine's blend margins), different inside it.
  const iv = inpaint.request.intervals as Array<{ start: number; end: number }>;
  expect(inpaintFrames).toHaveLength(parentFrames.length);
  let changedInside = 0;
  for (let f = 0; f < parentFrames.length; f++) {
    const inside = f >= Math.floor((iv[0]!.start - 0.5) * 30) && f <= Math.ceil((iv[0]!.end + 0.5) * 30);
    // The BVH writer unwraps angles over time, so an edited window may shift later channels by 360°:
    // compare rotations wrap-aware, root positions exactly.
    const same = parentFrames[f]!.slice(0, 3).join(' ') === inpaintFrames[f]!.slice(0, 3).join(' ') && poseStep(parentFrames[f]!, inpaintFrames[f]!) < 1e-3;
    if (!inside) expect(same, `frame ${f} outside the inpainted range changed`).toBe(true);
    else if (!same) changedInside++;
  }
  expect(changedInside).toBeGreaterThan(10);
  // Loop: played in a loop, the step from the last frame back to the first is like any other step.
  const steps = loopFrames
    .slice(1)
    .map((fr, i) => poseStep(loopFrames[i]!, fr))
    .sort((a, b) => a - b);
  expect(poseStep(loopFrames[loopFrames.length - 1]!, loopFrames[0]!)).toBeLessThanOrEqual(Math.max(1.5 * steps[steps.length >> 1]!, 0.5));

  // 6. Refine it with a creativity setting.
  await waitReady(page);
  await page.getByTestId('edit-action-refine').click();
  await page.getByTestId('edit-creativity').fill('0.7');
  await page.getByTestId('edit-refine-prompt').fill('more energetic');
  await page.getByTestId('edit-submit').click();
  const refineId = await newestJob(page, 'refine', loopId);
  const refine = await jobFromApi(page, refineId);
  expect(refine).toMatchObject({ parentJobId: loopId, parentVariant: 1, request: { creativity: 0.7, prompt: 'more energetic' } });

  // 7. The lineage shows all four jobs, each under the right parent.
  const nodes = page.getByTestId('lineage-node');
  await expect(nodes).toHaveCount(4);
  const tree = await nodes.evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-job-id'),
      kind: el.getAttribute('data-kind'),
      depth: Number(el.getAttribute('data-depth')),
      parent: el.getAttribute('data-parent-id'),
      parentVariant: el.getAttribute('data-parent-variant'),
      selected: el.getAttribute('aria-selected'),
    })),
  );
  expect(tree).toEqual([
    { id: rootId, kind: 'text2motion', depth: 0, parent: '', parentVariant: '', selected: 'false' },
    { id: inpaintId, kind: 'inpaint', depth: 1, parent: rootId, parentVariant: '2', selected: 'false' },
    { id: loopId, kind: 'loop', depth: 2, parent: inpaintId, parentVariant: '1', selected: 'false' },
    { id: refineId, kind: 'refine', depth: 3, parent: loopId, parentVariant: '1', selected: 'true' },
  ]);
  // Selecting a node previews it; selecting the newest again comes back.
  await nodes.nth(2).click();
  await expect(page).toHaveURL(new RegExp(`job=${loopId}`));
  await waitReady(page);
  expect(await page.evaluate(() => (window as any).__kinema.duration())).toBeCloseTo(loop.variants[0]!.durationSec, 1);
  await nodes.nth(3).click();
  await expect(page).toHaveURL(new RegExp(`job=${refineId}`));

  // 8. A/B compare the refine against its parent (the loop): split view, one shared playhead.
  await page.getByTestId('view-compare').click();
  const compare = page.getByTestId('compare-view');
  await expect(compare).toHaveAttribute('data-mode', 'split');
  const cells = page.getByTestId('clip-grid-cell');
  await expect(cells).toHaveCount(2);
  await expect(cells.nth(0)).toContainText('A · parent · loop');
  await expect(cells.nth(1)).toContainText('B · this take · refine');
  await waitReady(page);
  await setTime(page, 1.5);
  const ab1 = await cellSnapshots(page);
  await setTime(page, 5);
  const ab2 = await cellSnapshots(page);
  expect(changed(ab1[0]!, ab2[0]!)).toBeGreaterThan(40);
  expect(changed(ab1[1]!, ab2[1]!)).toBeGreaterThan(40);

  // Toggle layout: one view swapping between A and B at the same moment.
  await page.getByTestId('compare-toggle').click();
  await expect(compare).toHaveAttribute('data-mode', 'toggle');
  await expect(compare).toHaveAttribute('data-showing', 'b');
  await waitReady(page);
  await setTime(page, 2.25);
  await page.keyboard.press('b');
  await expect(compare).toHaveAttribute('data-showing', 'a');
  await waitReady(page);
  expect(await page.evaluate(() => (window as any).__kinema.getTime())).toBeCloseTo(2.25, 2);
  // (No variant in the URL means the first one.)
  await expect(page).toHaveURL(new RegExp(`job=${refineId}(&variant=1)?&view=toggle&show=parent`));

  // 9. A reload on this URL restores the same job, variant, lineage selection and comparison.
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-mode', 'toggle');
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-showing', 'a');
  await expect(page.locator(`[data-testid="lineage-node"][data-job-id="${refineId}"]`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('lineage-node')).toHaveCount(4);
  await expect(page.getByTestId('view-compare')).toHaveAttribute('aria-selected', 'true');
  await waitReady(page);

  // Any lineage node can be the A side: compare the refine against the original prompt's take.
  const rootNode = page.locator(`[data-testid="lineage-node"][data-job-id="${rootId}"]`);
  await rootNode.hover();
  await rootNode.getByTestId('lineage-compare').click();
  await expect(page).toHaveURL(new RegExp(`vs=${rootId}\\.1`));
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-showing', 'b');
  await page.getByTestId('compare-split').click();
  await expect(page.getByTestId('clip-grid-cell').first()).toContainText('A · reference · text2motion v1');

  expect(errors).toEqual([]);
});

test('provider-aware actions, the prompt optimiser and the shortcut help', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  // Optimiser: the local rules split a run-on prompt into actions the user accepts.
  await page.getByTestId('prompt-input').fill('please make him walk forward slowly, then turn left and wave');
  await page.getByTestId('optimize-button').click();
  await expect(page.getByTestId('suggestion')).toHaveText(['A person walks forward slowly', 'A person turns left', 'A person waves']);
  await page.getByTestId('suggestion-check').nth(1).uncheck();
  await page.getByTestId('accept-suggestions').click();
  await expect(page.getByTestId('prompt-input')).toHaveValue('A person walks forward slowly, then waves');

  // SayMotion's optimiser is offered exactly when GET /api/providers says SayMotion has it; then the server
  // delegates to the SayMotion adapter (in e2e runs, against the SayMotion contract server).
  const providers = (await (await page.request.get('/api/providers')).json()) as Array<{ id: string; configured: boolean; capabilities: string[]; credits: number | null }>;
  const sm = providers.find((p) => p.id === 'saymotion')!;
  const smOption = page.locator('[data-testid="optimizer-select"] option[value="saymotion"]');
  if (sm.configured && sm.capabilities.includes('optimizePrompt')) {
    await expect(smOption).toBeEnabled();
    await page.getByTestId('optimizer-select').selectOption('saymotion');
    await page.getByTestId('prompt-input').fill('jog in place, then bow');
    await page.getByTestId('optimize-button').click();
    await expect(page.getByTestId('optimize-suggestions')).toContainText('SayMotion');
    await expect(page.getByTestId('suggestion')).toHaveCount(2);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    // Balance before submitting: choosing SayMotion as the provider shows it next to Generate.
    await page.getByTestId('provider-select').selectOption('saymotion');
    await expect(page.getByTestId('generate-cost')).toContainText(`balance ${sm.credits} cr`);
    await page.getByTestId('provider-select').selectOption('local');
  } else {
    await expect(smOption).toBeDisabled();
  }
  await expect(page.getByTestId('generate-cost')).toHaveText(/Free/);
  await page.getByTestId('prompt-input').fill('A person walks forward slowly, then waves');

  await page.getByTestId('variants-input').fill('1');
  await page.getByTestId('generate-button').click();
  await newestJob(page, 'text2motion', null);
  await waitReady(page);

  // The edit actions follow GET /api/providers: what the local engine reports it can do is offered, the rest
  // is shown explained (never a dead button).
  const caps = providers.find((p) => p.id === 'local')!.capabilities;
  for (const a of ['inpaint', 'merge', 'loop', 'refine', 'rerun', 'render']) {
    await expect(page.getByTestId(`edit-action-${a}`)).toHaveAttribute('data-state', caps.includes(a) ? 'ready' : 'blocked');
  }

  // I / O mark a range at the playhead and open the inpaint dialog.
  await setTime(page, 1);
  await page.keyboard.press('i');
  await setTime(page, 2);
  await page.keyboard.press('o');
  await expect(page.getByTestId('inpaint-range')).toHaveAttribute('data-start', '1.0000');
  await expect(page.getByTestId('inpaint-range')).toHaveAttribute('data-end', '2.0000');
  await expect(page.getByTestId('edit-dialog')).toHaveAttribute('data-tool', 'inpaint');
  await page.keyboard.press('Escape');

  // Zooming the lane keeps time ↔ pixels exact: the range's pixel width grows with the zoom.
  const rangeBox = async () => (await page.getByTestId('inpaint-range').boundingBox())!;
  const w1 = (await rangeBox()).width;
  await page.getByTestId('lane-zoom-in').click();
  await page.getByTestId('lane-zoom-in').click();
  await expect(page.getByTestId('edit-lane-track')).toHaveAttribute('data-zoom', '2.250');
  expect((await rangeBox()).width).toBeCloseTo(w1 * 2.25, 0);

  // Merge shows its trim handles on the lane; dragging the end handle trims whole frames.
  await page.getByTestId('edit-action-merge').click();
  await page.getByTestId('lane-zoom-fit').click();
  const handle = (await page.getByTestId('merge-trim-left').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 - 60, handle.y + handle.height / 2, { steps: 6 });
  await page.mouse.up();
  const trimmed = Number(await page.getByTestId('edit-trimLeftFrames').inputValue());
  expect(trimmed).toBeGreaterThan(5);
  expect(Number.isInteger(trimmed)).toBe(true);
  await expect(page.getByTestId('merge-trim-left-region')).toBeVisible();

  // ? lists the shortcuts; Esc closes the list.
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toContainText('Mark in');
  await expect(page.getByTestId('help-overlay')).toContainText('Play backwards');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);
});
