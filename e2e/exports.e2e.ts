/**
 * Game-ready exports from the studio, in real Chromium against a real server: the export panel's preset, root
 * motion, frame rate, locks, mirror, keyframe reduction and trim become one download URL whose file the server
 * makes; and the loop dialog's auto loop window shows its seam error and loops that window.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { Job } from '../server/contract/api.ts';

async function finished(request: APIRequestContext, body: Record<string, unknown>): Promise<Job> {
  const res = await request.post('/api/jobs', { data: body });
  expect(res.status(), await res.text()).toBe(201);
  const id = ((await res.json()) as Job).id;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = (await (await request.get(`/api/jobs/${id}`)).json()) as Job;
    if (job.status !== 'queued' && job.status !== 'running') return job;
    if (Date.now() > deadline) throw new Error(`job ${id} is still ${job.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('export options make the file they describe; auto loop shows the seam error', async ({ page, request }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const job = await finished(request, { provider: 'local', kind: 'text2motion', prompt: 'a person walks forward', durationSec: 3, seed: 4 });
  expect(job.status).toBe('succeeded');
  await page.goto(`/?job=${job.id}&variant=1`);
  await page.waitForFunction(() => (window as any).__kinema?.ready === true, null, { timeout: 60_000 });

  const panel = page.getByTestId('export-panel');
  await expect(panel).toBeVisible();
  await page.getByTestId('export-preset').selectOption('unreal');
  await page.getByTestId('export-fps').selectOption('120');
  await page.getByTestId('export-lock-y').click();
  await page.getByTestId('export-mirror').check();
  await page.getByTestId('export-reduce').selectOption('0.0005');
  await page.getByTestId('export-trim-start').fill('0.5');
  await page.getByTestId('export-trim-end').fill('2.5');
  const link = page.getByTestId('export-variant-fbx');
  const href = (await link.getAttribute('href'))!;
  const q = new URL(href, 'http://x').searchParams;
  expect(Object.fromEntries(q)).toMatchObject({ format: 'fbx', preset: 'unreal', fps: '120', lock: 'y', mirror: '1', reduce: '0.0005', trimStart: '0.5', trimEnd: '2.5' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/_v1_unreal_120fps_rootbone_locky_mirrored_reduced_0\.5-2\.5s\.fbx$/);
  const res = await request.get(href);
  expect(res.status()).toBe(200);
  expect((await res.body()).subarray(0, 18).toString('latin1')).toBe('Kaydara FBX Binary');

  await page.getByTestId('export-trim-end').fill('0.2');
  await expect(page.getByTestId('export-trim-problem')).toBeVisible();

  // Loop dialog: auto loop window with its seam error, then a loop job on that window.
  await page.getByTestId('edit-action-loop').click();
  await page.getByTestId('edit-auto-window').check();
  await expect(page.getByTestId('seam-error')).toHaveText(/^\d+\.\d° → \d+\.\d°$/);
  await page.getByTestId('edit-reps').fill('2');
  await page.getByTestId('edit-submit').click();
  await expect
    .poll(async () => {
      const { items } = (await (await request.get('/api/jobs')).json()) as { items: Job[] };
      return items.find((j) => j.kind === 'loop' && j.parentJobId === job.id)?.request.autoWindow;
    })
    .toBe(true);
  expect(errors).toEqual([]);
});
