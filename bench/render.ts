/**
 * Local render throughput: frames per second through the whole pipeline (the render page posing and
 * drawing each frame in headless Chromium's software WebGL, PNG capture, ffmpeg encoding MP4 + WebM),
 * measured between the first and last frame of a render; plus the job's total time including browser start
 * and finishing the encode. Median of three renders of a 4 s clip.
 */
import { LocalRenderer } from '../server/render/localRenderer.ts';
import { DEFAULT_RENDER_TOOLS } from '../server/render/renderTools.ts';
import { fakeRenderContext, frameTimes } from '../server/render/testing/fakeRenderContext.ts';
import { startRenderServer } from '../server/render/testing/startRenderServer.ts';

const t = await startRenderServer();
try {
  const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'a person walks forward then turns left and waves', durationSec: 4, seed: 21 });
  const clip = await t.waitForJob(res.body.id, 120_000);
  if (clip.status !== 'succeeded') throw new Error(`clip job ${clip.status}`);
  const glb = new Uint8Array(await (await t.app.request(clip.variants[0]!.files.find((f) => f.format === 'glb')!.url)).arrayBuffer());
  const renderer = new LocalRenderer({ tools: DEFAULT_RENDER_TOOLS, origin: t.services.origin });

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const resolution of ['720p'] as const) {
    const fps: number[] = [];
    const totals: number[] = [];
    for (let i = 0; i < 3; i++) {
      const rec = fakeRenderContext({ jobId: clip.id, glb }, { resolution, format: 'both' });
      const start = performance.now();
      await renderer.run(rec.ctx);
      totals.push(performance.now() - start);
      const times = frameTimes(rec);
      fps.push((times.length - 1) / ((times.at(-1)! - times[0]!) / 1000));
    }
    console.log(`render_${resolution}_throughput ${median(fps).toFixed(2)} fps`);
    console.log(`render_${resolution}_4s_clip_job ${(median(totals) / 1000).toFixed(2)} s`);
  }
} finally {
  await t.close();
}
