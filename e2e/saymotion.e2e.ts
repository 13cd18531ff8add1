/**
 * The SayMotion provider from the studio UI, against the SayMotion contract server (the documented
 * wire protocol, fake credentials): a prompt, an inpaint of a dragged range, and a render — each a
 * real SayMotion job through the server's adapter, tracked, cached and previewed like local ones.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { jobFromApi, newestJob } from './support/studio.ts';

async function waitReady(page: Page) {
  await page.waitForFunction(() => (window as any).__kinema?.ready === true, null, { timeout: 60_000 });
  await page.evaluate(() => (window as any).__kinema.pause());
}

async function dragOnLane(page: Page, lane: Locator, from: number, to: number) {
  const box = (await lane.boundingBox())!;
  const y = box.y + 16 + (box.height - 16) / 2;
  await page.mouse.move(box.x + box.width * from, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to, y, { steps: 8 });
  await page.mouse.up();
}

test('SayMotion from the UI: prompt → inpaint a dragged range → render', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByTestId('provider-select').selectOption('saymotion');
  await page.getByTestId('prompt-input').fill('a person walks forward then waves');
  await page.getByTestId('duration-input').fill('4');
  await page.getByTestId('generate-button').click();
  const rootId = await newestJob(page, 'text2motion', null);
  const root = await jobFromApi(page, rootId);
  expect(root.provider).toBe('saymotion');
  expect(root.variants[0]!.files.map((f) => f.format)).toContain('glb');
  await waitReady(page);

  // Inpaint a range dragged on the edit lane: a SayMotion edit job on the parent's rid.
  await dragOnLane(page, page.getByTestId('edit-lane-track'), 0.3, 0.6);
  await expect(page.getByTestId('edit-dialog')).toHaveAttribute('data-tool', 'inpaint');
  await page.getByTestId('edit-inpaint-prompt').fill('jumps in place');
  await page.getByTestId('edit-submit').click();
  const inpaintId = await newestJob(page, 'inpaint', rootId);
  const inpaint = await jobFromApi(page, inpaintId);
  expect(inpaint).toMatchObject({ provider: 'saymotion', kind: 'inpaint', parentJobId: rootId, status: 'succeeded' });
  expect(inpaint.variants[0]!.files.map((f) => f.format)).toContain('glb');
  await waitReady(page);

  // Render the inpainted take through SayMotion: the video is stored and offered like any variant file.
  await page.getByTestId('render-video').click();
  const dialog = page.getByTestId('render-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('render-green-screen').click();
  await dialog.getByTestId('render-submit').click();
  const renderId = await newestJob(page, 'render', inpaintId);
  const render = await jobFromApi(page, renderId);
  expect(render).toMatchObject({ provider: 'saymotion', kind: 'render', parentJobId: inpaintId, status: 'succeeded' });
  expect(render.request).toMatchObject({ bgColor: [0, 177, 64, 255] });
  expect(render.variants[0]!.files.map((f) => f.format)).toContain('mp4');
  await expect(page.getByTestId('download-mp4').first()).toBeVisible({ timeout: 20_000 });
  expect(errors).toEqual([]);
});
