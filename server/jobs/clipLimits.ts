/**
 * Clip-length limits checked at submission, so an edit that would make an unbounded clip (a loop of
 * a loop of a loop…) is refused with the reason instead of producing a 25,000 s clip whose exports
 * take gigabytes and whose conversions block the server.
 */
import type { CreateJobRequest } from '../contract/api.ts';
import { MAX_DURATION_SEC } from '../contract/api.ts';
import { HttpError } from '../http/errors.ts';

/** Longest clip any job may produce: 10 minutes. */
const MAX_CLIP_SEC = 600;
/** Frame rate of the clips edits work on (the local engine's and SayMotion's). */
const EDIT_FPS = 30;

type VariantEdit = Extract<CreateJobRequest, { variant: number; parentJobId: string }>;

const fmt = (s: number) => `${s.toFixed(2)} s`;

/** The longest clip this edit can produce from a parent variant of `parentSec` seconds. */
/** Each repetition carries the clip's frames including its last one, so a loop is a frame longer per rep. */
function loopLength(parentSec: number, reps: number): number {
  return reps * (parentSec + 1 / EDIT_FPS);
}

function editedLengthBound(r: VariantEdit, parentSec: number): number {
  switch (r.kind) {
    case 'loop':
      return loopLength(parentSec, r.reps);
    case 'merge':
      // The follow-up part is synthesised from the prompt: at most MAX_DURATION_SEC before trimming.
      return parentSec - (r.trimLeftFrames ?? 0) / EDIT_FPS + MAX_DURATION_SEC;
    default:
      // inpaint, refine, rerun (its own durationSec ≤ 60 s) and render keep the parent's length.
      return r.kind === 'rerun' ? Math.max(parentSec, MAX_DURATION_SEC) : parentSec;
  }
}

export function checkClipLimits(r: VariantEdit, parentSec: number): void {
  if (r.kind === 'merge') {
    const frames = Math.round(parentSec * EDIT_FPS) + 1;
    if ((r.trimLeftFrames ?? 0) >= frames) {
      throw new HttpError(400, 'validation_error', `trimLeftFrames must be less than the clip's ${frames} frames (${fmt(parentSec)} at ${EDIT_FPS} fps).`, 'trimLeftFrames');
    }
  }
  if (r.kind === 'loop' && loopLength(parentSec, r.reps) > MAX_CLIP_SEC) {
    const most = Math.max(1, Math.floor(MAX_CLIP_SEC / (parentSec + 1 / EDIT_FPS)));
    throw new HttpError(
      400,
      'clip_too_long',
      `reps: ${r.reps} × ${fmt(parentSec)} would make a ${fmt(loopLength(parentSec, r.reps))} clip; clips are limited to ${MAX_CLIP_SEC / 60} minutes, so use at most ${most} reps on this clip.`,
      'reps',
    );
  }
  const bound = editedLengthBound(r, parentSec);
  if (bound > MAX_CLIP_SEC) {
    throw new HttpError(
      400,
      'clip_too_long',
      `This ${r.kind} could make a clip of up to ${fmt(bound)}; clips are limited to ${MAX_CLIP_SEC / 60} minutes. Trim the ${fmt(parentSec)} source first (merge with trimLeftFrames) or edit a shorter variant.`,
      r.kind === 'merge' ? 'trimLeftFrames' : 'parentJobId',
    );
  }
}
