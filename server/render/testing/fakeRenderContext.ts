/**
 * A render job context for driving the LocalRenderer directly (tests, bench): records every progress update with
 * its time, the saved files and durations. The parent must be a real job on the server the renderer uses,
 * because the render page fetches the parent's GLB from that server.
 */
import { RenderRequest } from '../../contract/api.ts';
import type { RenderJobContext, RenderProgress } from '../renderJobContext.ts';

export interface RecordedRender {
  ctx: RenderJobContext;
  progress: Array<RenderProgress & { at: number }>;
  files: Map<string, Uint8Array>;
  durations: Map<number, number>;
}

export function fakeRenderContext(parent: { jobId: string; glb: Uint8Array | null }, request: Record<string, unknown>, signal = new AbortController().signal): RecordedRender {
  const rec: Omit<RecordedRender, 'ctx'> = { progress: [], files: new Map(), durations: new Map() };
  const ctx: RenderJobContext = {
    jobId: 'job_rendertest0001',
    request: RenderRequest.parse({ provider: 'local', kind: 'render', parentJobId: parent.jobId, variant: 1, ...request }),
    parent: {
      jobId: parent.jobId,
      variant: 1,
      readFile: async (format) => (format === 'glb' ? parent.glb : null),
    },
    signal,
    progress: (u) => rec.progress.push({ ...u, at: performance.now() }),
    saveFile: async (variant, format, bytes) => void rec.files.set(`${variant}.${format}`, bytes),
    setVariantDuration: (variant, d) => void rec.durations.set(variant, d),
  };
  return { ctx, ...rec };
}

/** The timestamps of the per-frame progress updates ("rendering frame i/n"). */
export function frameTimes(rec: RecordedRender): number[] {
  return rec.progress.filter((p) => p.stage?.startsWith('rendering frame ')).map((p) => p.at);
}
