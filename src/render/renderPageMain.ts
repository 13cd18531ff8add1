/**
 * Entry of render.html: reads the job's options from `?config=`, loads the clip and publishes
 * `window.__render` (server/contract/renderPage.ts) for the server's headless Chromium to step through.
 */
import { RenderPageConfig } from '../../server/contract/renderPage.ts';
import type { RenderPageHandle } from '../../server/contract/renderPage.ts';
import { createRenderPage } from './createRenderPage.ts';

declare global {
  interface Window {
    __render: RenderPageHandle;
  }
}

const handle: RenderPageHandle = {
  ready: false,
  error: null,
  frameCount: 0,
  fps: 0,
  renderFrame: () => Promise.reject(new Error('The render page is still loading; wait for __render.ready.')),
};
window.__render = handle;

async function start(): Promise<void> {
  const raw = new URLSearchParams(window.location.search).get('config');
  if (!raw) throw new Error('render.html needs ?config=<JSON> (see server/contract/renderPage.ts).');
  const config = RenderPageConfig.parse(JSON.parse(raw));
  const canvas = document.getElementById('render-canvas') as HTMLCanvasElement;
  const page = await createRenderPage(config, canvas);
  handle.frameCount = page.frameCount;
  handle.fps = page.fps;
  handle.renderFrame = page.renderFrame;
  await page.renderFrame(0);
  handle.ready = true;
}

start().catch((err: unknown) => {
  handle.error = err instanceof Error ? err.message : String(err);
});
