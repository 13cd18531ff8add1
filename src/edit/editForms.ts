/**
 * The edit dialogs' form values and their mapping to POST /api/jobs bodies. Pure: the dialogs hold no
 * logic of their own, and the mapping is tested. Like the composer, nothing is validated here: the server
 * owns validation and its `{error: {field}}` is shown in the dialog.
 */
import type { ProviderId } from '../../server/contract/api.ts';
import type { JobRequestDraft } from '../api/jobRequestDraft.ts';
import type { MotionOptionsForm } from '../state/composerFields.ts';
import { typedNumbers } from '../lib/typedNumber.ts';
import type { EditAction } from './editGates.ts';
import { toIntervals } from './ranges.ts';
import type { TimeRange } from './ranges.ts';

export interface EditSource {
  jobId: string;
  /** 1-based variant of the job the edit starts from. */
  variant: number;
  provider: ProviderId;
}

interface InpaintForm {
  prompt: string;
}
export interface MergeForm {
  prompt: string;
  /** Frames cut from the end of the current take. */
  trimLeftFrames: number;
  /** Frames cut from the start of the new part. */
  trimRightFrames: number;
  blendSec: number;
}
export type RootFixMode = 'INTERPOLATION' | 'LOCKED';
export interface LoopForm {
  prompt: string;
  reps: number;
  blendSec: number;
  rootFixMode: RootFixMode;
  fixAltitude: boolean;
  fixHorizontal: boolean;
  fixOrientation: boolean;
  acrossEntireMotion: boolean;
  /** Loop the best-matching window of the take (auto loop) instead of all of it. */
  autoWindow: boolean;
}
interface RefineForm {
  prompt: string;
  creativity: number;
  variants: number;
}
/** The rerun's options; an empty seed means a new random one (the point of most reruns). */
export type RerunForm = MotionOptionsForm;
export interface EditForms {
  inpaint: InpaintForm;
  merge: MergeForm;
  loop: LoopForm;
  refine: RefineForm;
  rerun: RerunForm;
}

export const DEFAULT_FORMS: EditForms = {
  inpaint: { prompt: '' },
  merge: { prompt: '', trimLeftFrames: 0, trimRightFrames: 0, blendSec: 0.3 },
  loop: {
    prompt: '',
    reps: 3,
    blendSec: 0.3,
    rootFixMode: 'INTERPOLATION',
    fixAltitude: false,
    fixHorizontal: true,
    fixOrientation: true,
    acrossEntireMotion: false,
    autoWindow: false,
  },
  refine: { prompt: '', creativity: 0.4, variants: 1 },
  rerun: { variants: '1', durationSec: '0', footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: '' },
};

/** The rerun form pre-filled from the job being rerun, so "changed options" start from what it used. */
export function rerunFormFrom(request: Record<string, unknown>): RerunForm {
  const r = request;
  const d = DEFAULT_FORMS.rerun;
  const fl = r.footLocking;
  return {
    variants: typeof r.variants === 'number' ? String(r.variants) : d.variants,
    durationSec: typeof r.durationSec === 'number' ? String(r.durationSec) : d.durationSec,
    footLocking: fl === 'auto' || fl === 'always' || fl === 'never' || fl === 'grounding' ? fl : d.footLocking,
    poseFiltering: typeof r.poseFiltering === 'number' ? r.poseFiltering : d.poseFiltering,
    physicsFilter: typeof r.physicsFilter === 'boolean' ? r.physicsFilter : d.physicsFilter,
    seed: '',
  };
}

const optionalPrompt = (p: string) => (p.trim() ? { prompt: p.trim() } : {});

/** The request of every edit but render, which has its own dialog (src/render/RenderDialog.tsx). */
export function buildEditRequest(action: Exclude<EditAction, 'render'>, src: EditSource, forms: EditForms, ranges: readonly TimeRange[]): JobRequestDraft {
  const base = { provider: src.provider, parentJobId: src.jobId, variant: src.variant };
  switch (action) {
    case 'inpaint':
      return { ...base, kind: 'inpaint', prompt: forms.inpaint.prompt, intervals: toIntervals(ranges) };
    case 'merge': {
      const m = forms.merge;
      return {
        ...base,
        kind: 'merge',
        prompt: m.prompt,
        trimLeftFrames: Math.max(0, Math.round(m.trimLeftFrames)),
        trimRightFrames: Math.max(0, Math.round(m.trimRightFrames)),
        blendSec: m.blendSec,
      };
    }
    case 'loop': {
      const l = forms.loop;
      return {
        ...base,
        kind: 'loop',
        ...optionalPrompt(l.prompt),
        reps: l.reps,
        blendSec: l.blendSec,
        rootFixMode: l.rootFixMode,
        fixAltitude: l.fixAltitude,
        fixHorizontal: l.fixHorizontal,
        fixOrientation: l.fixOrientation,
        acrossEntireMotion: l.acrossEntireMotion,
        ...(l.autoWindow ? { autoWindow: true } : {}),
      };
    }
    case 'refine': {
      const f = forms.refine;
      return { ...base, kind: 'refine', ...optionalPrompt(f.prompt), creativity: f.creativity, variants: f.variants };
    }
    case 'rerun': {
      const f = forms.rerun;
      // Empty fields are left out (the server's defaults); the rest go as typed.
      return {
        ...base,
        kind: 'rerun',
        footLocking: f.footLocking,
        poseFiltering: f.poseFiltering,
        physicsFilter: f.physicsFilter,
        ...typedNumbers({ variants: f.variants, durationSec: f.durationSec, seed: f.seed }),
      };
    }
  }
}

/**
 * Length of the loop result, for the lane preview. The blend happens inside each repetition (the local
 * engine's loop is exactly reps × the take), so it does not shorten the result.
 */
export function loopedLength(duration: number, reps: number): number {
  return Math.max(0, duration) * Math.max(1, Math.round(reps));
}
