/**
 * Local render jobs: the parent variant's GLB, drawn frame by frame by the studio's render page in headless
 * Chromium, piped into ffmpeg, stored as the job's MP4/WebM variant files. Not engine work, so it runs
 * here rather than on the engine worker pool; one render at a time (OneAtATime).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RENDER_PAGE_PATH, type RenderPageConfig } from '../contract/renderPage.ts';
import { fileUrl } from '../contract/fileUrl.ts';
import { ProviderError } from '../contract/providerError.ts';
import { outboundFetch } from '../http/outbound/outboundFetch.ts';
import { readCappedText } from '../http/outbound/readCapped.ts';
import type { Logger } from '../log.ts';
import { FfmpegEncoder } from './ffmpegEncoder.ts';
import { ffmpegArgs } from './ffmpegArgs.ts';
import { OneAtATime } from './oneAtATime.ts';
import { openRenderPage, RenderPageError, type RenderPageSession } from './renderBrowser.ts';
import { renderSpecFor, type RenderSpec, type VideoFormat } from './renderSpec.ts';
import { requireRenderTools, type RenderTools } from './renderTools.ts';
import type { ServerOrigin } from './serverOrigin.ts';
import type { RenderJobContext } from './renderJobContext.ts';

/** Progress bar shares: start-up, then the frames, then finishing the encode and storing the files. */
const FRAMES_FROM = 3;
const FRAMES_TO = 94;

export interface LocalRendererOptions {
  tools: RenderTools;
  origin: ServerOrigin;
  /** Sent as a bearer token by the browser when the studio requires one (KINEMA_ACCESS_TOKEN). */
  accessToken?: string | undefined;
  /** How long a job may wait for the server to start listening (jobs resumed at start-up). Default 5 s. */
  originWaitMs?: number;
  log?: Logger;
}

export class LocalRenderer {
  private readonly gate = new OneAtATime();

  constructor(private readonly opts: LocalRendererOptions) {}

  async run(ctx: RenderJobContext): Promise<void> {
    if (ctx.request.kind !== 'render') throw new ProviderError('unsupported_operation', `The local renderer only runs render jobs, not "${ctx.request.kind}".`);
    const parent = ctx.parent;
    if (!parent) throw new ProviderError('parent_missing', 'A render job needs the job and variant to render (parentJobId and variant).');
    // Cheap checks first, so a wrong option or a missing program fails before anything starts.
    const spec = renderSpecFor(ctx.request);
    await requireRenderTools(this.opts.tools);
    const origin = await this.opts.origin.wait(this.opts.originWaitMs ?? 5000, ctx.signal);
    if (ctx.signal.aborted) throw ctx.signal.reason;
    if (!origin) {
      throw new ProviderError(
        'render_unavailable',
        'Local rendering opens the studio in a headless browser, so the server must be listening on a port: start it with `npm start`.',
      );
    }
    if (!(await parent.readFile('glb'))) {
      throw new ProviderError('parent_unsupported', `Variant ${parent.variant} of job ${parent.jobId} has no GLB to render. Render a variant that has a GLB file.`);
    }
    ctx.progress({ percent: 0, stage: this.gate.busy ? 'waiting for another render to finish' : 'starting the renderer' });
    await this.gate.acquire(ctx.signal);
    try {
      await this.render(ctx, spec, origin, { ...spec.page, glbUrl: fileUrl(parent.jobId, parent.variant, 'glb') });
    } finally {
      this.gate.release();
    }
  }

  private async render(ctx: RenderJobContext, spec: RenderSpec, origin: string, config: RenderPageConfig): Promise<void> {
    const headers = this.opts.accessToken ? { Authorization: `Bearer ${this.opts.accessToken}` } : undefined;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kinema-render-'));
    const outFiles: Partial<Record<VideoFormat, string>> = Object.fromEntries(spec.outputs.map((f) => [f, path.join(dir, `render.${f}`)]));
    let session: RenderPageSession | null = null;
    let encoder: FfmpegEncoder | null = null;
    // Cancel must not wait for a frame in flight: kill both programs, and the pending calls fail at once.
    const onAbort = () => {
      void session?.kill();
      encoder?.kill();
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    try {
      await checkRenderPage(origin, headers);
      ctx.progress({ percent: 1, stage: 'starting the renderer' });
      session = await openRenderPage({
        chromiumPath: this.opts.tools.chromiumPath,
        url: `${origin}${RENDER_PAGE_PATH}?config=${encodeURIComponent(JSON.stringify(config))}`,
        width: spec.width,
        height: spec.height,
        ...(headers ? { headers } : {}),
        signal: ctx.signal,
      });
      if (ctx.signal.aborted) throw ctx.signal.reason;
      // A stale render page from another build would step at its own rate; the video's timing must match.
      if (session.fps !== spec.fps) throw new RenderPageError(`the page renders at ${session.fps} fps instead of ${spec.fps}; rebuild the studio (npx vite build)`);
      encoder = new FfmpegEncoder(this.opts.tools.ffmpegPath, ffmpegArgs(spec, outFiles));
      const n = session.frameCount;
      this.opts.log?.info('render started', { jobId: ctx.jobId, frames: n, size: `${spec.width}x${spec.height}`, chromiumPid: session.pid, ffmpegPid: encoder.pid });
      for (let i = 0; i < n; i++) {
        if (ctx.signal.aborted) throw ctx.signal.reason;
        const png = await session.capture(i);
        await encoder.write(png);
        ctx.progress({ percent: FRAMES_FROM + ((FRAMES_TO - FRAMES_FROM) * (i + 1)) / n, stage: `rendering frame ${i + 1}/${n}` });
      }
      await session.close();
      ctx.progress({ percent: FRAMES_TO, stage: `encoding ${spec.outputs.map((f) => f.toUpperCase()).join(' and ')}` });
      await encoder.finish();
      ctx.setVariantDuration(1, n / spec.fps);
      for (const format of spec.outputs) {
        ctx.progress({ percent: 97, stage: `saving the ${format.toUpperCase()}` });
        await ctx.saveFile(1, format, await fs.readFile(outFiles[format]!));
      }
    } catch (err) {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      throw asProviderError(err);
    } finally {
      ctx.signal.removeEventListener('abort', onAbort);
      encoder?.kill();
      await Promise.allSettled([session?.kill(), encoder?.whenExited()]);
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
}

/**
 * Fails fast, with the fix, when the render page is not there. Without it the SPA fallback would answer
 * with the studio's index.html and the browser would wait for a `__render` that never comes.
 */
async function checkRenderPage(origin: string, headers: Record<string, string> | undefined): Promise<void> {
  let body: string;
  try {
    // Bounded: a server that hangs should fail the render with this message rather than hold it forever.
    const res = await outboundFetch(new URL(`${origin}${RENDER_PAGE_PATH}`), { headers: headers ?? {}, timeoutMs: 30_000 });
    body = res.ok ? await readCappedText(res, { maxBytes: 16 * 1024 * 1024, timeoutMs: 30_000 }) : '';
  } catch (err) {
    throw new ProviderError('render_unavailable', `The renderer could not reach this server at ${origin}: ${(err as Error).message}.`);
  }
  if (!body.includes('render-canvas')) {
    throw new ProviderError('render_page_missing', "The studio's render page is not built: run `npx vite build` (`npm start` does it for you), then run the render again.");
  }
}

function asProviderError(err: unknown): ProviderError {
  if (err instanceof ProviderError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof RenderPageError) return new ProviderError('render_failed', `The render page could not draw this clip: ${message}.`);
  return new ProviderError('render_failed', `Rendering failed: ${message}. Try again; if it keeps failing, check the server log.`);
}
