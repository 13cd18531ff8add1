/** Helpers shared by the browser tests: jobs through the API and the UI, and canvas pixel reads. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Job } from '../../server/contract/api.ts';

/** A job as the API returns it. */
export type JobJson = Job;

export async function jobFromApi(page: Page, id: string): Promise<JobJson> {
  const res = await page.request.get(`/api/jobs/${id}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as JobJson;
}

/** The newest job card: waits until it is a new job of `kind` that succeeded, returns its id. */
export async function newestJob(page: Page, kind: string, notId: string | null): Promise<string> {
  const card = page.getByTestId('job-card').first();
  await expect(card).not.toHaveAttribute('data-job-id', notId ?? '__none__');
  await expect(card).toContainText(kind);
  await expect(card).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  return (await card.getAttribute('data-job-id'))!;
}

/** A downscaled RGBA copy of the viewport's canvas, for comparing two poses. */
export async function canvasSnapshot(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="viewport"] canvas') as HTMLCanvasElement;
    const c2 = document.createElement('canvas');
    c2.width = 256;
    c2.height = Math.round((256 * canvas.height) / canvas.width);
    const ctx = c2.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0, c2.width, c2.height);
    return Array.from(ctx.getImageData(0, 0, c2.width, c2.height).data);
  });
}

/** Pixels whose colour differs noticeably between two snapshots. */
export function differingPixels(a: number[], b: number[]): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > 24) n++;
  }
  return n;
}

/** Submits a job through the page (same origin, as the studio does) and returns its id. */
export async function submitJob(page: Page, body: Record<string, unknown>): Promise<string> {
  const job = await page.evaluate(async (b) => {
    const res = await fetch('/api/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
    return (await res.json()) as { id: string };
  }, body);
  return job.id;
}

/** Drags across the edit lane from one fraction of its width to another (draws an inpaint range). */
export async function dragOnLane(page: Page, lane: Locator, from: number, to: number) {
  const box = (await lane.boundingBox())!;
  // Below the ruler strip (16 px), where a drag draws a range.
  const y = box.y + 16 + (box.height - 16) / 2;
  await page.mouse.move(box.x + box.width * from, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((from + to) / 2), y, { steps: 5 });
  await page.mouse.move(box.x + box.width * to, y, { steps: 5 });
  await page.mouse.up();
}

/** Drops files on the viewport the way a browser does: dragenter, then drop with a DataTransfer of Files. */
export async function dropFiles(page: Page, files: string[]): Promise<void> {
  const payload = files.map((f) => ({ name: path.basename(f), b64: fs.readFileSync(f).toString('base64') }));
  const dt = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const it of items) {
      const bin = atob(it.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      transfer.items.add(new File([bytes], it.name));
    }
    return transfer;
  }, payload);
  await page.dispatchEvent('[data-testid="drop-target"]', 'dragenter', { dataTransfer: dt });
  await expect(page.getByText('Drop to preview')).toBeVisible();
  await page.dispatchEvent('[data-testid="drop-target"]', 'drop', { dataTransfer: dt });
}
