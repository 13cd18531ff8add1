/**
 * One engine task run for a job on the worker pool: progress, the report and each variant's files go to the
 * job as the worker sends them. Shared by prompt and edit jobs (localProvider.ts) and the Meshy-style kinds
 * (runActionJob.ts).
 */
import type { JobContext } from '../provider.ts';
import { ProviderError } from '../provider.ts';
import type { EnginePool } from './enginePool.ts';
import type { EngineTask } from './engineProtocol.ts';

export async function runEngineJob(pool: EnginePool, ctx: JobContext, task: Omit<EngineTask, 'taskId'>): Promise<void> {
  await pool.run(
    task,
    async (m) => {
      if (m.type === 'progress') ctx.progress({ percent: m.percent, stage: m.stage });
      else if (m.type === 'report') ctx.setReport(m.report);
      else if (m.type === 'variant') {
        ctx.setVariantDuration(m.index, m.durationSec);
        await ctx.saveFile(m.index, 'motion', m.files.motion);
        await ctx.saveFile(m.index, 'glb', m.files.glb);
        if (m.files.bvh) await ctx.saveFile(m.index, 'bvh', m.files.bvh);
      }
    },
    ctx.signal,
  );
}

/** A failure as the user sees it: the worker's own code when it sent one, else engine_error (with a hint). */
export function engineFailure(err: unknown, hint = ''): ProviderError {
  if (err instanceof ProviderError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code !== '' && code !== 'engine_error') return new ProviderError(code, message);
  return new ProviderError('engine_error', `The local engine failed: ${message}.${hint}`);
}
