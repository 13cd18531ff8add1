/**
 * Screenshots of the editing screens for review, written to docs/screenshots/ (PNG). Jobs are created through the
 * API (the editing flow itself is tested in editing.e2e.ts); each screen is then opened the way a user would.
 * Run: npx vite build && npx playwright test e2e/screenshots.e2e.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';

const OUT = path.resolve('docs/screenshots');

interface JobJson {
  id: string;
  status: string;
  variants: Array<{ index: number; durationSec: number }>;
}

async function runJob(request: APIRequestContext, body: Record<string, unknown>): Promise<JobJson> {
  const res = await request.post('/api/jobs', { data: { provider: 'local', ...body } });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as JobJson;
  for (let i = 0; i < 600; i++) {
    const job = (await (await request.get(`/api/jobs/${id}`)).json()) as JobJson;
    if (job.status === 'succeeded') return job;
    expect(['queued', 'running']).toContain(job.status);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

async function ready(page: Page) {
  await page.waitForFunction(() => (window as any).__kinema?.ready === true, null, { timeout: 60_000 });
}

async function at(page: Page, t: number) {
  await page.evaluate((time) => {
    (window as any).__kinema.pause();
    (window as any).__kinema.setTime(time);
  }, t);
  await page.waitForTimeout(400);
}

async function shot(page: Page, name: string) {
  await page.mouse.move(2, 2); // no hover states in the picture
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

test('screenshots of the editing screens', async ({ page, request }) => {
  test.setTimeout(480_000);
  fs.mkdirSync(OUT, { recursive: true });

  const root = await runJob(request, { kind: 'text2motion', prompt: 'a person walks forward then waves', variants: 4, durationSec: 4, seed: 7 });
  const inpaint = await runJob(request, { kind: 'inpaint', parentJobId: root.id, variant: 2, prompt: 'jumps in place', intervals: [{ start: 1.2, end: 2.3 }] });
  const loop = await runJob(request, { kind: 'loop', parentJobId: inpaint.id, variant: 1, reps: 3, rootFixMode: 'INTERPOLATION', fixHorizontal: true, fixOrientation: true });
  const refine = await runJob(request, { kind: 'refine', parentJobId: loop.id, variant: 1, creativity: 0.6, prompt: 'more energetic', variants: 2 });
  await runJob(request, { kind: 'merge', parentJobId: root.id, variant: 1, prompt: 'sits down', blendSec: 0.4 });

  // 1. The variant grid: four takes side by side, in sync.
  await page.goto(`/?job=${root.id}&variant=2&view=grid`);
  await expect(page.getByTestId('clip-grid-cell')).toHaveCount(4);
  await ready(page);
  await at(page, 2.6);
  await shot(page, '01-variant-grid');

  // 2. One take: a range dragged on the edit lane and the inpaint dialog.
  await page.goto(`/?job=${root.id}&variant=2`);
  await ready(page);
  await at(page, 1.6);
  const lane = page.getByTestId('edit-lane-track');
  const box = (await lane.boundingBox())!;
  const y = box.y + 16 + (box.height - 16) / 2;
  await page.mouse.move(box.x + box.width * 0.28, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.52, y, { steps: 6 });
  await page.mouse.up();
  await page.mouse.move(box.x + box.width * 0.7, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.85, y, { steps: 6 });
  await page.mouse.up();
  await page.getByTestId('edit-inpaint-prompt').fill('jumps in place');
  await expect(page.getByTestId('inpaint-range')).toHaveCount(2);
  await shot(page, '02-inpaint-ranges');

  // 3. Merge: trim handles and the blend on the lane.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.getByTestId('edit-action-merge').click();
  await page.getByTestId('edit-merge-prompt').fill('sits down on the floor');
  await page.getByTestId('edit-trimLeftFrames').fill('18');
  await page.getByTestId('edit-trimRightFrames').fill('10');
  await shot(page, '03-merge-dialog');

  // 4. Loop: the seam preview (first frame solid, last frame ghosted) and the repetitions on the lane.
  await page.getByTestId('edit-close').click();
  await page.goto(`/?job=${inpaint.id}`);
  await ready(page);
  await page.getByTestId('edit-action-loop').click();
  await expect(page.getByTestId('seam-preview')).toHaveAttribute('data-measured', 'true', { timeout: 20_000 });
  await page.waitForTimeout(600);
  await shot(page, '04-loop-seam-preview');

  // 5. Refine dialog over the loop, with the lineage on the right.
  await page.goto(`/?job=${loop.id}`);
  await ready(page);
  await page.getByTestId('edit-action-refine').click();
  await page.getByTestId('edit-refine-prompt').fill('more energetic');
  await shot(page, '05-refine-dialog-lineage');

  // 6. A/B split: the refine against its parent loop, same moment.
  await page.goto(`/?job=${refine.id}&variant=1&view=split`);
  await expect(page.getByTestId('clip-grid-cell')).toHaveCount(2);
  await ready(page);
  await at(page, 5.2);
  await shot(page, '06-ab-split');

  // 7. A/B toggle, showing A.
  await page.goto(`/?job=${refine.id}&variant=1&view=toggle&show=parent`);
  await ready(page);
  await at(page, 5.2);
  await shot(page, '07-ab-toggle');

  // 8. Render options (where the provider can render).
  await page.goto(`/?job=${root.id}&variant=1`);
  await ready(page);
  await page.getByTestId('edit-action-render').click();
  await shot(page, '08-render-dialog');

  // 9. The prompt optimiser's suggestions in the composer.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('render-dialog')).toHaveCount(0);
  await page.getByTestId('prompt-input').fill('please make him walk forward slowly, then turn left and wave, and then sit down');
  await page.getByTestId('optimize-button').click();
  await expect(page.getByTestId('suggestion')).toHaveCount(4);
  await shot(page, '09-prompt-optimiser');

  // 10. Keyboard shortcuts.
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await shot(page, '10-shortcuts');

  for (const f of fs.readdirSync(OUT).filter((n) => n.endsWith('.png'))) {
    expect(fs.statSync(path.join(OUT, f)).size, f).toBeGreaterThan(20_000);
  }
});
