/**
 * Authoring by showing (issue 18), end to end in real Chromium against a real server:
 * click 3 waypoints on the floor → generate a walk → the exported BVH's hips stay within 5 cm of the path and
 * reach the last waypoint; drag the right hand's IK handle at frame 45 and key it → the new take's hand is within
 * 2 cm of the target there with no jerk spike; pin the left foot for 1 s → it moves ≤ 1 cm over the range.
 * Screenshots of path drawing and posing go to docs/screenshots/.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { distanceToPath, pathPolyline } from '../server/engine/constraints/spline.ts';
import { bvhPositions, readBvh } from '../server/engine/io/bvhRead.ts';
import { canvasSnapshot, differingPixels, jobFromApi, newestJob, type JobJson } from './support/studio.ts';

async function waitReady(page: Page) {
  await page.waitForFunction(() => (window as any).__kinema?.ready === true, null, { timeout: 60_000 });
  await page.evaluate(() => (window as any).__kinema.pause());
}

async function waitJob(page: Page, id: string): Promise<JobJson> {
  await expect.poll(async () => (await jobFromApi(page, id)).status, { timeout: 60_000 }).toBe('succeeded');
  return jobFromApi(page, id);
}

/** Joint positions (metres) of the take's exported BVH, by joint-name suffix. */
async function bvhOf(page: Page, job: JobJson) {
  const file = job.variants[0]!.files.find((f) => f.format === 'bvh')!;
  const clip = readBvh(await (await page.request.get(file.url)).text());
  const P = bvhPositions(clip, 0.01);
  const jc = clip.joints.length;
  const at = (name: string, f: number) => {
    const j = clip.joints.findIndex((x) => x.name.endsWith(name));
    return [0, 1, 2].map((c) => P[(f * jc + j) * 3 + c]!);
  };
  return { frames: clip.frames, fps: Math.round(1 / clip.frameTime), at };
}

const project = (page: Page, p: [number, number, number]) => page.evaluate((q) => (window as any).__kinemaConstraints.project(q) as [number, number], p);

test('draw a path, pose a hand, pin a foot: the exported takes honour them', async ({ page }) => {
  // Four local jobs and three BVH checks: longer than one job's budget on a shared machine.
  test.setTimeout(240_000);
  page.on('pageerror', (e) => console.log('pageerror:', e.message.slice(0, 300)));
  await page.goto('/');
  await page.getByTestId('prompt-input').fill('a person walks');
  await page.getByTestId('duration-input').fill('5');
  await page.getByTestId('variants-input').fill('1');
  // A fixed seed: the checks below are about the constraints, not about which walk a random seed draws.
  await page.getByTestId('seed-input').fill('7');
  await page.waitForFunction(() => Boolean((window as any).__kinemaConstraints));
  // A first take without constraints, so the character stands on the stage to draw around.
  await page.getByTestId('generate-button').click();
  const plainId = await newestJob(page, 'text2motion', null);
  await waitReady(page);
  await page.evaluate(() => (window as any).__kinema.setTime(0));

  // Path: three clicks on the floor (the first also anchors the start at the character).
  await page.getByTestId('constraint-mode-path').click();
  const clicks: [number, number, number][] = [
    [0.7, 0, 1.2],
    [-0.3, 0, 2.4],
    [0.4, 0, 3.6],
  ];
  const canvas = (await page.locator('[data-testid="viewport"] canvas').boundingBox())!;
  for (const p of clicks) {
    const [x, y] = await project(page, p);
    expect(x > canvas.x && x < canvas.x + canvas.width && y > canvas.y && y < canvas.y + canvas.height, `waypoint ${p} on screen`).toBe(true);
    expect(await page.evaluate(([cx, cy]) => document.elementFromPoint(cx!, cy!)?.tagName, [x, y]), `waypoint ${p} is on the 3D view`).toBe('CANVAS');
    await page.mouse.click(x, y);
    await page.waitForTimeout(200);
  }
  await expect(page.getByTestId('constraint-path')).toContainText('4 points');
  await page.screenshot({ path: 'docs/screenshots/11-constraints-path.png' });

  await page.getByTestId('generate-button').click();
  const walkId = await newestJob(page, 'text2motion', plainId);
  const walk = await waitJob(page, walkId);
  const waypoints = (walk.request.constraints as { path: { waypoints: { x: number; z: number }[] } }).path.waypoints;
  expect(waypoints).toHaveLength(4);
  for (const [i, p] of clicks.entries()) expect(Math.hypot(waypoints[i + 1]!.x - p[0], waypoints[i + 1]!.z - p[2]), 'waypoint where clicked (to the pixel)').toBeLessThan(0.05);
  const poly = pathPolyline(waypoints);
  const b1 = await bvhOf(page, walk);
  for (let f = 0; f < b1.frames; f++) {
    const h = b1.at('Hips', f);
    expect(distanceToPath(poly, h[0]!, h[2]!), `hips off the path at frame ${f}`).toBeLessThan(0.05);
  }
  const end = b1.at('Hips', b1.frames - 1),
    last = waypoints.at(-1)!;
  expect(Math.hypot(end[0]! - last.x, end[2]! - last.z)).toBeLessThan(0.05);
  await waitReady(page);

  // Pose: at frame 45, drag the right hand's handle up and out, key it, apply as a new take.
  await page.evaluate(() => {
    (window as any).__kinema.setTime(45 / 30);
  });
  await page.waitForTimeout(300);
  await page.getByTestId('constraint-mode-pose').click();
  await page.waitForFunction(() => Boolean((window as any).__kinemaConstraints?.handle()));
  const handle = (await page.evaluate(() => (window as any).__kinemaConstraints.handle())) as [number, number, number];
  const hand45 = b1.at('RightHand', 45);
  expect(Math.hypot(handle[0] - hand45[0]!, handle[1] - hand45[1]!, handle[2] - hand45[2]!), 'handle starts on the hand').toBeLessThan(0.05);
  const [hx, hy] = await project(page, handle);
  await page.mouse.move(hx, hy);
  await page.mouse.down();
  await page.mouse.move(hx + 20, hy - 30, { steps: 6 });
  await page.mouse.move(hx + 35, hy - 55, { steps: 6 });
  await page.mouse.up();
  const target = (await page.evaluate(() => (window as any).__kinemaConstraints.handle())) as [number, number, number];
  expect(Math.hypot(target[0] - handle[0], target[1] - handle[1], target[2] - handle[2]), 'the drag moved the handle').toBeGreaterThan(0.1);
  await page.getByTestId('pose-key').click();
  await expect(page.getByTestId('constraint-keys')).toContainText('key 1.50 s');
  await page.screenshot({ path: 'docs/screenshots/12-constraints-pose.png' });
  await page.getByTestId('constraints-apply').click();
  const posedId = await newestJob(page, 'rerun', null);
  const posed = await waitJob(page, posedId);
  expect(posed.parentJobId).toBe(walkId);
  const key = (posed.request.constraints as { keyPoses: { t: number; effectors: { rightHand: number[] } }[] }).keyPoses[0]!;
  expect(key.t).toBeCloseTo(1.5, 3);
  const b2 = await bvhOf(page, posed);
  const h = b2.at('RightHand', 45);
  const rh = key.effectors.rightHand;
  expect(Math.hypot(h[0]! - rh[0]!, h[1]! - rh[1]!, h[2]! - rh[2]!), 'hand on target at frame 45').toBeLessThan(0.02);
  const jerk: number[] = [];
  for (let f = 3; f < b2.frames; f++) {
    const d = [0, 1, 2].map((c) => b2.at('RightHand', f)[c]! - 3 * b2.at('RightHand', f - 1)[c]! + 3 * b2.at('RightHand', f - 2)[c]! - b2.at('RightHand', f - 3)[c]!);
    jerk.push(Math.hypot(...d) * b2.fps ** 3);
  }
  const median = [...jerk].sort((a, b) => a - b)[jerk.length >> 1]!;
  const around = jerk.slice(45 - 10 - 3, 45 + 10 - 3 + 1);
  expect(Math.max(...around), 'no jerk spike around the key').toBeLessThan(3 * median);

  // Pin: the left foot for 1 s, applied to the posed take.
  await page.getByTestId('pin-effector').selectOption('leftFoot');
  await page.getByTestId('pin-start').fill('3');
  await page.getByTestId('pin-end').fill('4');
  await page.getByTestId('pin-add').click();
  await expect(page.getByTestId('constraint-pins')).toContainText('leftFoot 3.00–4.00');
  await waitReady(page);
  await page.getByTestId('constraints-apply').click();
  const pinnedId = await newestJob(page, 'rerun', posedId);
  const pinned = await waitJob(page, pinnedId);
  // The take's constraints show as lanes on the edit lane.
  await expect(page.getByTestId('constraint-key-mark')).toHaveCount(1);
  await expect(page.getByTestId('constraint-pin-lane')).toHaveCount(1);
  const b3 = await bvhOf(page, pinned);
  const p0 = b3.at('LeftFoot', 90);
  for (let f = 90; f <= 120; f++) {
    const p = b3.at('LeftFoot', f);
    expect(Math.hypot(p[0]! - p0[0]!, p[1]! - p0[1]!, p[2]! - p0[2]!), `left foot moved at frame ${f}`).toBeLessThan(0.01);
  }

  // Seeing motion: onion skin ±3 and trails of hips, hands and feet change the picture; screenshot for the docs.
  await waitReady(page);
  await page.getByTestId('constraint-mode-off').click();
  await page.evaluate(() => (window as any).__kinema.setTime(2));
  await page.waitForTimeout(300);
  const plain = await canvasSnapshot(page);
  await page.getByTestId('onion-count').fill('3');
  await page.getByTestId('trails-toggle').check();
  await page.waitForTimeout(1000);
  expect(differingPixels(plain, await canvasSnapshot(page)), 'ghosts and trails are drawn').toBeGreaterThan(100);
  await page.screenshot({ path: 'docs/screenshots/13-onion-skin-trails.png' });

  // Orthographic side and top views: a different picture each; the top view shows the drawn path from above.
  const persp = await canvasSnapshot(page);
  await page.getByTestId('view-side').click();
  await page.waitForTimeout(800);
  const side = await canvasSnapshot(page);
  expect(differingPixels(persp, side), 'side view differs from 3D').toBeGreaterThan(500);
  await page.getByTestId('view-top').click();
  await page.waitForTimeout(800);
  expect(differingPixels(side, await canvasSnapshot(page)), 'top view differs from side').toBeGreaterThan(500);
  await page.screenshot({ path: 'docs/screenshots/14-top-view-path.png' });
  await page.getByTestId('view-persp').click();
});
