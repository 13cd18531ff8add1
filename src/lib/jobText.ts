/** Words for job states: labels, one-line summaries, and what to do after a failure. */
import type { Job, JobStatus } from '../../server/contract/api.ts';

export const STATUS_LABEL: Record<JobStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
  canceled: 'Canceled',
};

export function isActive(job: Pick<Job, 'status'>): boolean {
  return job.status === 'queued' || job.status === 'running';
}

export function jobPrompt(job: Pick<Job, 'request' | 'kind'>): string {
  const p = job.request.prompt;
  if (typeof p === 'string' && p.trim() !== '') return p;
  // An imported clip is named by the file it came from.
  if (job.kind === 'import' && typeof job.request.fileName === 'string') return `Imported ${job.request.fileName}`;
  // Edits without a prompt say what they did to which variant.
  const from = typeof job.request.variant === 'number' ? ` of variant ${job.request.variant}` : '';
  if (job.kind === 'loop') return `Loop${typeof job.request.reps === 'number' ? ` ×${job.request.reps}` : ''}${from}`;
  if (job.kind === 'render') return `Video${from}`;
  if (job.kind === 'refine' || job.kind === 'rerun') return `${job.kind === 'refine' ? 'Refine' : 'Rerun'}${from}`;
  return `(${job.kind} without a prompt)`;
}

/** The progress line: stage text if the server sent one, else something sensible per status. */
export function progressLabel(job: Pick<Job, 'status' | 'stage' | 'queuePosition' | 'progress'>): string {
  if (job.status === 'queued') {
    return job.queuePosition !== null && job.queuePosition > 0 ? `Queued · ${job.queuePosition} ahead` : (job.stage ?? 'Queued');
  }
  return job.stage ?? 'Starting…';
}

/**
 * What the user can do about a failure. The server's message says what happened (and usually what to do);
 * this adds the studio-side next step for well-known codes.
 */
export function failureAdvice(code: string): string {
  const c = code.toLowerCase();
  if (c.includes('not_configured') || c.includes('credential') || c.includes('auth')) {
    return 'Add the provider’s credentials to the server’s .env and restart it, or switch to the local engine.';
  }
  if (c.includes('credit') || c.includes('quota')) return 'Top up the provider account, or generate with the local engine.';
  if (c.includes('rate') || c.includes('timeout') || c.includes('unavailable') || c.includes('upstream')) {
    return 'This is usually temporary: retry in a minute.';
  }
  // Rig and animate failures are about the character or the job they build on, not about a prompt.
  if (c.includes('humanoid') || c.includes('character')) {
    return 'Use a standing humanoid character (a GLB or VRM; for the local engine one that already has a skeleton), then rig it again.';
  }
  if (c.includes('parent')) return 'Run the job this one builds on (the rig or the text-to-motion clip) again, then retry.';
  if (c.includes('expired')) return 'Retry: the provider’s download links expired before the files were copied.';
  if (c.includes('prompt') || c.includes('understood') || c.includes('unsupported')) {
    return 'Rephrase the prompt with simple actions (walk, turn, wave, jump) and generate again.';
  }
  if (c.includes('restart') || c.includes('interrupted')) return 'The server restarted mid-job: retry to run it again.';
  return 'Retry runs the same request again; or edit the prompt and settings first.';
}

/** "2 variants · 4.0 s" for a finished job. */
export function resultSummary(job: Pick<Job, 'variants'>): string {
  const n = job.variants.length;
  if (n === 0) return 'No variants';
  const durations = job.variants.map((v) => v.durationSec);
  const min = Math.min(...durations);
  const max = Math.max(...durations);
  const dur = Math.abs(max - min) < 0.05 ? `${max.toFixed(1)} s` : `${min.toFixed(1)}–${max.toFixed(1)} s`;
  return `${n} variant${n === 1 ? '' : 's'} · ${dur}`;
}
