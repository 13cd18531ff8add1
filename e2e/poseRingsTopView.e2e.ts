/**
 * The pose tool's FK rotation ring and the top orthographic view, in real Chromium: turning the ring on the
 * right forearm turns the arm (the hand moves), "Key rotation" makes a key pose holding that bone's rotation,
 * "Reset bone" drops it again; the top view looks straight down with the character's forward (+Z) up the screen.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { newestJob } from './support/studio.ts';

type V3 = [number, number, number];
const project = (page: Page, p: V3) => page.evaluate((q) => (window as any).__kinemaConstraints.project(q) as [number, number], p);
const redraw = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('FK ring turns and keys a bone, reset bone drops it; the top view has +Z up the screen', async ({ page }) => {
  test.setTimeout(120_000);
  page.on('pageerror', (e) => console.log('pageerror:', e.message.slice(0, 300)));
  await page.goto('/');
  await page.getByTestId('prompt-input').fill('a person walks');
  await page.getByTestId('duration-input').fill('2');
  await page.getByTestId('variants-input').fill('1');
  await page.waitForFunction(() => Boolean((window as any).__kinemaConstraints));
  await page.getByTestId('generate-button').click();
  await newestJob(page, 'text2motion', null);
  await page.waitForFunction(() => (window as any).__kinema?.ready === true, null, { timeout: 60_000 });
  await page.evaluate(() => {
    (window as any).__kinema.pause();
    (window as any).__kinema.setTime(0.5);
  });
  await redraw(page);

  // Top view: a metre forward (+Z) is straight up the screen, a metre to +X straight to the left (seen from above).
  await page.getByTestId('view-top').click();
  await page.waitForTimeout(500);
  const o = await project(page, [0, 0, 1]);
  const fwd = await project(page, [0, 0, 2]);
  const side = await project(page, [1, 0, 1]);
  expect(Math.abs(fwd[0] - o[0]), '+Z has no sideways component on screen').toBeLessThan(1.5);
  expect(fwd[1] - o[1], '+Z points up the screen').toBeLessThan(-100);
  expect(Math.abs(side[1] - o[1]), '+X has no vertical component on screen').toBeLessThan(1.5);
  expect(side[0] - o[0], '+X points left, as seen from above').toBeLessThan(-100);
  await page.screenshot({ path: 'docs/screenshots/16-top-view-forward-up.png' });
  await page.getByTestId('view-persp').click();
  await page.waitForTimeout(500);

  // FK ring on the right forearm: drag from the ring's centre (the free-rotation ball) to turn the bone.
  await page.getByTestId('constraint-mode-pose').click();
  await page.getByTestId('fk-bone').selectOption('rightLowerArm');
  await page.waitForFunction(() => (window as any).__kinemaFk?.pivot() !== null);
  await redraw(page);
  const handBefore = (await page.evaluate(() => (window as any).__kinemaConstraints.bone('rightHand'))) as V3;
  const pivot = (await page.evaluate(() => (window as any).__kinemaFk.pivot())) as V3;
  const [px, py] = await project(page, pivot);
  await page.mouse.move(px, py);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(px + 6 * i, py - 5 * i);
  await page.mouse.up();
  await expect(page.getByTestId('fk-key')).toBeEnabled();
  await redraw(page);
  const handAfter = (await page.evaluate(() => (window as any).__kinemaConstraints.bone('rightHand'))) as V3;
  expect(Math.hypot(handAfter[0] - handBefore[0], handAfter[1] - handBefore[1], handAfter[2] - handBefore[2]), 'turning the forearm moves the hand').toBeGreaterThan(0.02);
  // The ring drag must not have left the camera orbiting in the pose tool.
  const pivotAgain = (await page.evaluate(() => (window as any).__kinemaFk.pivot())) as V3;
  expect(Math.hypot(...((await project(page, pivotAgain)).map((v, i) => v - [px, py][i]!) as [number, number]))).toBeLessThan(3);
  await page.screenshot({ path: 'docs/screenshots/15-fk-rotation-ring.png' });

  await page.getByTestId('fk-key').click();
  await expect(page.getByTestId('constraint-keys')).toContainText('rightLowerArm ↻');
  await page.getByTestId('fk-reset').click();
  await expect(page.getByTestId('constraint-keys')).toHaveCount(0);
});
