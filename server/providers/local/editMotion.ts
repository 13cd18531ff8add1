/**
 * The local engine's edit operations (inpaint, merge, loop, refine, rerun) applied to a parent
 * variant's motion. Each returns the new variants and a report of what the prompt contributed.
 */
import type * as Engine from '../../engine/index.ts';
import { parsePrompt } from '../../engine/prompt/parse.ts';
import { summarizePlan } from '../../engine/prompt/report.ts';
import type { PromptReport } from '../../contract/api.ts';

type EngineApi = typeof Engine;
type Req = Record<string, unknown> & { kind: string };

export class EditInputError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

function promptReport(prompt: string | undefined, what: string): PromptReport {
  if (!prompt || prompt.trim() === '') return { understood: [what], ignored: [] };
  const summary = summarizePlan(parsePrompt(prompt));
  return { ...summary, understood: [what, ...summary.understood] };
}

const fmt = (s: number) => `${s.toFixed(2)} s`;

export function editMotion(
  engine: EngineApi,
  req: Req,
  parent: Engine.Motion,
  onProgress: (fraction: number, stage: string) => void,
): { motions: Engine.Motion[]; report: PromptReport } {
  const seed = Number(req.seed ?? 0);
  switch (req.kind) {
    case 'inpaint': {
      const intervals = req.intervals as { start: number; end: number }[];
      const prompt = String(req.prompt);
      onProgress(0.1, `inpainting ${intervals.length} range${intervals.length > 1 ? 's' : ''}`);
      const motion = engine.inpaint(parent, { prompt, intervals, seed });
      return { motions: [motion], report: promptReport(prompt, `inpaint ${intervals.map((i) => `${fmt(i.start)}–${fmt(i.end)}`).join(', ')}`) };
    }
    case 'merge': {
      const prompt = String(req.prompt);
      onProgress(0.1, 'synthesising the follow-up motion');
      const motion = engine.merge(parent, {
        prompt,
        seed,
        ...(req.trimLeftFrames !== undefined ? { trimLeftFrames: Number(req.trimLeftFrames) } : {}),
        ...(req.trimRightFrames !== undefined ? { trimRightFrames: Number(req.trimRightFrames) } : {}),
        ...(req.blendSec !== undefined ? { blendSec: Number(req.blendSec) } : {}),
      });
      return { motions: [motion], report: promptReport(prompt, 'merge a follow-up motion') };
    }
    case 'loop': {
      const reps = Number(req.reps);
      onProgress(0.1, `closing the loop seam, ${reps} repetition${reps > 1 ? 's' : ''}`);
      const auto = req.autoWindow === true ? engine.autoLoop(parent) : null;
      const motion = engine.loop(auto ? auto.window : parent, {
        reps,
        ...(req.blendSec !== undefined ? { blendSec: Number(req.blendSec) } : {}),
        ...(req.rootFixMode !== undefined ? { rootFixMode: req.rootFixMode as 'INTERPOLATION' | 'LOCKED' } : {}),
        ...(req.fixAltitude !== undefined ? { fixAltitude: Boolean(req.fixAltitude) } : {}),
        ...(req.fixHorizontal !== undefined ? { fixHorizontal: Boolean(req.fixHorizontal) } : {}),
        ...(req.fixOrientation !== undefined ? { fixOrientation: Boolean(req.fixOrientation) } : {}),
        ...(req.acrossEntireMotion !== undefined ? { acrossEntireMotion: Boolean(req.acrossEntireMotion) } : {}),
      });
      // The engine's loop closes the seam of the existing motion; it does not re-synthesise from a prompt.
      const prompt = typeof req.prompt === 'string' ? req.prompt.trim() : '';
      const ignored = prompt ? [`loop prompt "${prompt}" (the local engine loops the motion as it is)`] : [];
      const window = auto ? [`auto window ${auto.startSec.toFixed(2)}–${auto.endSec.toFixed(2)} s (seam error ${auto.seamErrorDeg.toFixed(1)}° → ${auto.closedSeamErrorDeg.toFixed(1)}°)`] : [];
      return { motions: [motion], report: { understood: [`loop ×${reps}`, ...window], ignored } };
    }
    case 'refine': {
      const creativity = Number(req.creativity);
      const prompt = typeof req.prompt === 'string' && req.prompt.trim() ? req.prompt : undefined;
      onProgress(0.1, `refining (creativity ${creativity.toFixed(2)})`);
      let motions = engine.refine(parent, { creativity, seed, variants: Number(req.variants ?? 1), ...(prompt ? { prompt } : {}) });
      const report = promptReport(prompt, `refine, creativity ${creativity.toFixed(2)}`);
      // Refining must not undo what the user showed: the parent's constraints are solved again.
      if (req.constraints) {
        motions = motions.map((m) => engine.applyConstraints(m, req.constraints as Engine.Constraints));
        report.understood.push('constraints kept from the parent take');
      }
      return { motions, report };
    }
    default:
      throw new EditInputError('unsupported_kind', `The local engine cannot run "${req.kind}" jobs.`);
  }
}
