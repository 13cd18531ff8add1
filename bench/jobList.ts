/**
 * The job list at scale: 2,000 finished jobs are written straight into a data folder's database (the list
 * only reads rows; running 2,000 engine jobs would measure the engine instead), then the studio is opened and
 * the time from the first page's GET /api/jobs response arriving to its cards being on screen is measured,
 * plus how many cards the DOM holds once 300 jobs are loaded (the list is virtualised: only those in view).
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openDatabase } from '../server/db/database.ts';
import { newJobId } from '../server/jobs/jobStore.ts';
import { searchTextOf } from '../server/db/searchText.ts';

export const SEEDED_JOBS = 2000;
const PROMPTS = ['a person walks forward slowly', 'a person jumps in place', 'a person waves with both hands', 'a person runs in a circle', 'a person sits down'];

export async function seedJobs(dataDir: string, count = SEEDED_JOBS): Promise<void> {
  const { db } = await openDatabase(path.join(dataDir, 'kinema.sqlite'));
  const t0 = Date.UTC(2026, 0, 1);
  const rows = Array.from({ length: count }, (_, i) => {
    const at = new Date(t0 + i * 60_000).toISOString();
    const request = { provider: 'local', kind: 'text2motion', prompt: `${PROMPTS[i % PROMPTS.length]} (take ${i + 1})`, variants: 2, durationSec: 4, seed: i };
    return {
      id: newJobId(t0 + i * 60_000),
      provider: 'local',
      kind: 'text2motion',
      status: i % 50 === 7 ? 'failed' : 'succeeded',
      progress: 100,
      stage: 'done',
      queue_position: null,
      parent_job_id: null,
      parent_variant: null,
      request: JSON.stringify(request),
      report: null,
      error: i % 50 === 7 ? JSON.stringify({ code: 'engine_error', message: 'seeded failure' }) : null,
      variants: JSON.stringify([
        { index: 1, durationSec: 4 },
        { index: 2, durationSec: 4 },
      ]),
      external_id: null,
      idempotency_key: null,
      title: i % 9 === 0 ? `Take ${i + 1}` : null,
      collection_id: null,
      character_id: null,
      search_text: searchTextOf(i % 9 === 0 ? `Take ${i + 1}` : null, request),
      created_at: at,
      updated_at: at,
    };
  });
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('jobs')
      .values(rows.slice(i, i + 200))
      .execute();
  await db.destroy();
}

/** Records, in the page, when the first /api/jobs answer finished arriving and when its cards were first on screen. */
const PROBE = `(() => {
  const marks = { dataAt: null, cardsAt: null };
  window.__jobListMarks = marks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (marks.dataAt === null && /\\/api\\/jobs\\?limit=/.test(e.name)) marks.dataAt = e.responseEnd;
  }).observe({ type: 'resource', buffered: true });
  const check = () => {
    if (marks.cardsAt === null && document.querySelectorAll('[data-testid="job-card"]').length >= 5) marks.cardsAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})()`;

export async function measureJobList(page: Page, base: string): Promise<{ firstPageMs: number; cardsInDom: number; loaded: number }> {
  await page.addInitScript(PROBE);
  const runs: number[] = [];
  // Median of 9 loads: the machine is shared, and one load can lose the CPU for a while.
  for (let i = 0; i < 9; i++) {
    await page.goto(`${base}/`);
    const deadline = Date.now() + 30_000;
    let marks: { dataAt: number | null; cardsAt: number | null } = { dataAt: null, cardsAt: null };
    while (marks.dataAt === null || marks.cardsAt === null) {
      if (Date.now() > deadline) throw new Error('the job list never showed its first page');
      await new Promise((r) => setTimeout(r, 50));
      marks = (await page.evaluate('window.__jobListMarks')) as typeof marks;
    }
    runs.push(marks.cardsAt - marks.dataAt);
  }
  // Scroll to the end a few times: pages load as the end comes into view; the DOM keeps only what is in view.
  for (let i = 0; i < 12; i++) {
    await page.evaluate(`(() => { const l = document.querySelector('[data-testid="job-list"]'); l.scrollTop = l.scrollHeight; })()`);
    await page.waitForTimeout(250);
  }
  const cardsInDom = (await page.evaluate(`document.querySelectorAll('[data-testid="job-card"]').length`)) as number;
  const loadedText = ((await page.evaluate(`document.querySelector('[data-testid="job-count"]').textContent`)) as string) ?? '';
  const sorted = [...runs].sort((a, b) => a - b);
  return { firstPageMs: sorted[Math.floor(sorted.length / 2)]!, cardsInDom, loaded: Number(/\d+/.exec(loadedText)?.[0] ?? 0) };
}
