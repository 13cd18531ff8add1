/**
 * Headless Chromium (via playwright-core) on the studio's render page. One browser per render job:
 * launching costs well under a second next to the frames, and a fresh browser cannot carry state or
 * leaked GPU memory from one job into the next.
 *
 * Frames are read with `canvas.toDataURL('image/png')` in the same call that draws them. Measured on the
 * 2-core SwiftShader machines this project runs on: PNG encoding is ~10 ms of a 100–300 ms frame, the
 * base64 payload is ~150 kB, and it is exactly the canvas's pixels (alpha included). readPixels of raw RGBA
 * was slower (ANGLE's readback plus a 4.9 MB payload per 720p frame), page/element screenshots go through
 * the compositor, and a CDP screencast cannot be stepped one frame at a time.
 */
import { chromium, type BrowserServer, type Page } from 'playwright-core';
import type { RenderPageHandle } from '../contract/renderPage.ts';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

const FRAME_TIMEOUT_MS = 60_000;

export interface RenderPageSession {
  frameCount: number;
  fps: number;
  /** PNG bytes of exactly frame i. */
  capture(i: number): Promise<Uint8Array>;
  /** Chromium's process id (for tests and logs). */
  readonly pid: number | undefined;
  close(): Promise<void>;
  /** SIGKILL: the cancel path, which must not wait for a busy renderer. */
  kill(): Promise<void>;
}

export class RenderPageError extends Error {}

export interface OpenOptions {
  chromiumPath: string;
  url: string;
  width: number;
  height: number;
  headers?: Record<string, string>;
  loadTimeoutMs?: number;
  /** Aborting while the page loads kills the browser at once (cancel during start-up). */
  signal?: AbortSignal;
}

type PageState = Pick<RenderPageHandle, 'ready' | 'error' | 'frameCount' | 'fps'>;

export async function openRenderPage(opts: OpenOptions): Promise<RenderPageSession> {
  const server: BrowserServer = await chromium.launchServer({ executablePath: opts.chromiumPath, headless: true, args: CHROMIUM_ARGS });
  const pid = server.process().pid;
  const problems: string[] = [];
  const onAbort = () => void server.kill();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    const context = await browser.newContext({
      viewport: { width: opts.width, height: opts.height },
      deviceScaleFactor: 1,
      // The studio's CSP forbids eval, which Playwright's string predicates use; this is our own page.
      bypassCSP: true,
      ...(opts.headers ? { extraHTTPHeaders: opts.headers } : {}),
    });
    const page: Page = await context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('crash', () => problems.push('the render page crashed'));
    const response = await page.goto(opts.url, { waitUntil: 'load' });
    if (!response || !response.ok()) throw new RenderPageError(`the render page answered HTTP ${response?.status() ?? 'nothing'}`);
    // Strings, not functions: tsx's name-keeping helpers do not exist inside the page.
    await page.waitForFunction('window.__render !== undefined && (window.__render.ready || window.__render.error !== null)', null, {
      timeout: opts.loadTimeoutMs ?? 60_000,
    });
    const state = (await page.evaluate('({ ready: __render.ready, error: __render.error, frameCount: __render.frameCount, fps: __render.fps })')) as PageState;
    if (!state.ready) throw new RenderPageError(state.error ?? 'the render page did not become ready');
    return {
      frameCount: state.frameCount,
      fps: state.fps,
      pid,
      async capture(i) {
        const draw = page.evaluate(`__render.renderFrame(${Number(i)}).then(() => document.getElementById('render-canvas').toDataURL('image/png'))`) as Promise<string>;
        // A wedged GPU process would otherwise hold the render (and the one-render slot) forever.
        let timer: NodeJS.Timeout | undefined;
        const url = await Promise.race([
          draw,
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new RenderPageError(`frame ${i} took longer than ${FRAME_TIMEOUT_MS / 1000} s to draw`)), FRAME_TIMEOUT_MS);
          }),
        ]).finally(() => clearTimeout(timer));
        const comma = url.indexOf(',');
        if (!url.startsWith('data:image/png;base64,') || comma < 0) throw new RenderPageError(`frame ${i} came back as something other than a PNG`);
        return Buffer.from(url.slice(comma + 1), 'base64');
      },
      close: () => server.close(),
      kill: () => server.kill(),
    };
  } catch (err) {
    await server.kill();
    if (opts.signal?.aborted) throw opts.signal.reason;
    if (problems.length > 0 && err instanceof Error) err.message += ` (page errors: ${problems.slice(0, 3).join('; ')})`;
    throw err;
  } finally {
    // From here on the caller's own cancel handling owns the browser.
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
