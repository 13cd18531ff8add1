/** One short line describing what a job did, for lineage nodes: the prompt for new motions, the edit's settings otherwise. */
import type { Job } from '../../server/contract/api.ts';

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const secs = (v: number) => `${v.toFixed(2)} s`;

export function nodeSummary(job: Job): string {
  const r = job.request;
  const prompt = str(r.prompt);
  switch (job.kind) {
    case 'inpaint': {
      const iv = Array.isArray(r.intervals) ? (r.intervals as Array<{ start?: unknown; end?: unknown }>) : [];
      const spans = iv.map((i) => (num(i.start) !== null && num(i.end) !== null ? `${secs(num(i.start)!)}–${secs(num(i.end)!)}` : null)).filter((x): x is string => x !== null);
      return `${prompt ?? '?'} · ${spans.join(', ') || 'no ranges'}`;
    }
    case 'merge': {
      const bits = [`+ ${prompt ?? '?'}`];
      if (num(r.trimLeftFrames)) bits.push(`trim ${num(r.trimLeftFrames)}f`);
      if (num(r.trimRightFrames)) bits.push(`trim new ${num(r.trimRightFrames)}f`);
      if (num(r.blendSec) !== null) bits.push(`blend ${num(r.blendSec)} s`);
      return bits.join(' · ');
    }
    case 'loop': {
      const bits = [`×${num(r.reps) ?? '?'}`];
      if (num(r.blendSec) !== null) bits.push(`blend ${num(r.blendSec)} s`);
      if (str(r.rootFixMode)) bits.push(String(r.rootFixMode).toLowerCase());
      if (prompt) bits.push(prompt);
      return bits.join(' · ');
    }
    case 'refine':
      return [`creativity ${num(r.creativity) ?? '?'}`, prompt].filter(Boolean).join(' · ');
    case 'rerun': {
      const bits: string[] = [];
      if (num(r.seed) !== null) bits.push(`seed ${num(r.seed)}`);
      if (num(r.variants) !== null) bits.push(`${num(r.variants)} var`);
      if (num(r.durationSec)) bits.push(`${num(r.durationSec)} s`);
      return bits.join(' · ') || 'new seed';
    }
    case 'render':
      return [str(r.backdrop) ?? 'studio', str(r.camMode) ?? 'cinematic'].join(' · ');
    default:
      return prompt ?? job.kind;
  }
}
