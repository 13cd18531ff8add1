/**
 * Browser figures through the real studio in headless Chromium (Debian's /usr/bin/chromium, software WebGL):
 *  - first-chunk gzip size (what loads before the studio renders; three.js must not be in it),
 *  - time from selecting a cached 10 s GLB variant to its first animated frame,
 *  - frame rate of the 8-variant grid (one shared renderer) relative to a single clip,
 *  - the job list with 2,000 jobs: first page on screen after its data arrives, cards kept in the DOM (jobList.ts).
 * Builds the SPA if it is missing or older than its sources, starts a real server on a free port with a
 * temporary data folder, and cleans up. Prints `name value unit` lines.
 *
 * Functions passed to page.evaluate are strings: tsx would wrap named inner functions in a helper that does
 * not exist in the page.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { measureJobList, SEEDED_JOBS, seedJobs } from './jobList.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const DIST_E2E = path.join(ROOT, 'dist-e2e');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded(): void {
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), fs.statSync(path.join(ROOT, 'index.html')).mtimeMs, fs.statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs);
  const fresh = (dir: string) => {
    const index = path.join(dir, 'index.html');
    return fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources;
  };
  if (fresh(DIST) && fresh(DIST_E2E)) return;
  // Sizes are measured on the production build (dist/); the pages are timed on the test build (dist-e2e/, same code
  // plus the window.__kinema probe the timings read), which the server is pointed at below.
  for (const mode of ['production', 'e2e']) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--mode', mode, '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`vite build (${mode}) failed`);
  }
}

/** The entry chunk and the chunks it imports statically (modulepreload): all JS needed before the first render. */
function firstChunkSizes(): { entry: number; initial: number; hasThree: boolean } {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in dist/index.html');
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const gz = (url: string) => zlib.gzipSync(fs.readFileSync(path.join(DIST, url))).byteLength;
  const hasThree = [entry, ...preloads].some((u) => /WebGLRenderer|AnimationMixer|BufferGeometry/.test(fs.readFileSync(path.join(DIST, u), 'utf8')));
  return { entry: gz(entry), initial: gz(entry) + preloads.reduce((a, u) => a + gz(u), 0), hasThree };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KINEMA_DATA_DIR: dataDir, KINEMA_DIST_DIR: DIST_E2E, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function createJob(base: string, variants: number, durationSec: number): Promise<string> {
  const res = await fetch(`${base}/api/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'local', kind: 'text2motion', prompt: 'a person walks forward then turns left and waves', variants, durationSec, seed: 11 }),
  });
  const job = (await res.json()) as { id: string };
  if (res.status !== 201) throw new Error(`POST /api/jobs: ${JSON.stringify(job)}`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    const j = (await (await fetch(`${base}/api/jobs/${job.id}`)).json()) as { status: string };
    if (j.status === 'succeeded') return job.id;
    if (j.status === 'failed' || j.status === 'canceled' || Date.now() > deadline) throw new Error(`job ${job.id} ${j.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const READY = `(() => { const k = window.__kinema; return !!k && k.ready && k.duration() > 0; })()`;

/** Polls an expression from Node (waitForFunction would eval a string inside the page, which the studio's CSP forbids). */
async function waitFor(page: Page, expr: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expr))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Frames drawn per second over `ms`, while playing. */
async function measureFps(page: Page, ms: number): Promise<number> {
  return page.evaluate(`(async () => {
    const k = window.__kinema;
    if (!k.playing) k.play();
    await new Promise((r) => setTimeout(r, 800));
    const f0 = k.framesDrawn, t0 = performance.now();
    await new Promise((r) => setTimeout(r, ${ms}));
    return (k.framesDrawn - f0) / ((performance.now() - t0) / 1000);
  })()`);
}

/** Clicks a variant card and returns ms until that variant's first animated frame was drawn. */
async function switchToVariant(page: Page, variant: number, url: string): Promise<number> {
  return page.evaluate(`(async () => {
    const card = document.querySelector('[data-testid="variant-card"][data-variant="${variant}"]');
    const t0 = performance.now();
    card.click();
    const deadline = t0 + 10000;
    while (performance.now() < deadline) {
      const f = window.__kinema.firstFrame;
      if (f.key === ${JSON.stringify(url)} && f.at >= t0) return f.at - t0;
      await new Promise((r) => requestAnimationFrame(r));
    }
    return -1;
  })()`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function run(browser: Browser, base: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });

  // Time to first animated frame of a cached 10 s GLB: the other variant is preloaded after the first shows.
  const twoId = await createJob(base, 2, 10);
  const job = (await (await fetch(`${base}/api/jobs/${twoId}`)).json()) as { variants: Array<{ index: number; files: Array<{ format: string; url: string }> }> };
  const glb = (v: number) => job.variants.find((x) => x.index === v)!.files.find((f) => f.format === 'glb')!.url;
  await page.goto(`${base}/?job=${twoId}&variant=1`);
  await waitFor(page, READY, 60_000);
  await page.waitForTimeout(2500); // the background preload of variant 2 (fetch + parse)
  const switches: number[] = [];
  for (let i = 0; i < 6; i++) {
    const v = i % 2 === 0 ? 2 : 1;
    const ms = await switchToVariant(page, v, glb(v));
    if (ms < 0) throw new Error(`variant ${v} never drew its first frame`);
    switches.push(ms);
    await page.waitForTimeout(300);
  }
  console.log(`browser_first_animated_frame_cached_10s_glb ${median(switches).toFixed(1)} ms`);

  // Frame rate: one clip in the main viewport vs all eight variants in the shared-renderer grid, same stage size.
  const eightId = await createJob(base, 8, 10);
  const single: number[] = [];
  const grid: number[] = [];
  for (let round = 0; round < 2; round++) {
    await page.goto(`${base}/?job=${eightId}&variant=1`);
    await waitFor(page, READY, 60_000);
    single.push(await measureFps(page, 4000));
    await page.goto(`${base}/?job=${eightId}&view=grid`);
    await waitFor(page, `document.querySelectorAll('[data-testid="clip-grid-cell"]').length === 8`, 60_000);
    await waitFor(page, READY, 120_000);
    grid.push(await measureFps(page, 4000));
  }
  const s = median(single);
  const g = median(grid);
  console.log(`browser_single_clip_fps ${s.toFixed(1)} fps`);
  console.log(`browser_grid_8_clips_fps ${g.toFixed(1)} fps`);
  console.log(`browser_grid_single_fps_ratio ${(g / s).toFixed(2)} x`);
  await page.close();
}

buildIfNeeded();
const chunk = firstChunkSizes();
console.log(`browser_first_chunk_gzip ${(chunk.entry / 1024).toFixed(1)} KiB`);
console.log(`browser_initial_js_gzip ${(chunk.initial / 1024).toFixed(1)} KiB`);
console.log(`browser_first_chunk_has_threejs ${chunk.hasThree ? 1 : 0} bool`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-bench-browser-'));
const port = await freePort();
let server: ChildProcess | null = null;
let browser: Browser | null = null;
try {
  server = await startServer(port, dataDir);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  await run(browser, `http://127.0.0.1:${port}`);
} finally {
  await browser?.close().catch(() => undefined);
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// A second server on a folder seeded with 2,000 jobs, so the figures above are not made with a long list.
const listDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-bench-joblist-'));
let listServer: ChildProcess | null = null;
let listBrowser: Browser | null = null;
try {
  await seedJobs(listDir);
  const listPort = await freePort();
  listServer = await startServer(listPort, listDir);
  listBrowser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--no-first-run'] });
  const page = await listBrowser.newPage({ viewport: { width: 1440, height: 900 } });
  const list = await measureJobList(page, `http://127.0.0.1:${listPort}`);
  console.log(`browser_job_list_${SEEDED_JOBS}_first_page_after_data ${list.firstPageMs.toFixed(1)} ms`);
  console.log(`browser_job_list_loaded_after_scrolling ${list.loaded} jobs`);
  console.log(`browser_job_list_cards_in_dom ${list.cardsInDom} cards`);
} finally {
  await listBrowser?.close().catch(() => undefined);
  if (listServer && listServer.exitCode === null) {
    listServer.kill('SIGTERM');
    await new Promise((r) => listServer!.once('exit', r));
  }
  fs.rmSync(listDir, { recursive: true, force: true });
}
