/**
 * The local engine's edit operations (inpaint, merge, loop, refine, rerun) applied to a parent
 * variant's motion. Each returns the new variants and a report of what the prompt contributed.
 */
import type * as Engine from '../../engine/index.ts';
import { parsePrompt } from '../../engine/prompt/parse.ts';
import { summarizePlan } from '../../engine/prompt/report.ts';
import type { PromptReport } from '../../contract/api.ts';
import type { StoredRequest } from '../../contract/storedRequest.ts';

type EngineApi = typeof Engine;

class EditInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
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
  req: StoredRequest,
  parent: Engine.Motion,
  onProgress: (fraction: number, stage: string) => void,
): { motions: Engine.Motion[]; report: PromptReport } {
  switch (req.kind) {
    case 'inpaint': {
      const { intervals, prompt } = req;
      const seed = req.seed ?? 0;
      onProgress(0.1, `inpainting ${intervals.length} range${intervals.length > 1 ? 's' : ''}`);
      const motion = engine.inpaint(parent, { prompt, intervals, seed });
      return { motions: [motion], report: promptReport(prompt, `inpaint ${intervals.map((i) => `${fmt(i.start)}–${fmt(i.end)}`).join(', ')}`) };
    }
    case 'merge': {
      const { prompt } = req;
      onProgress(0.1, 'synthesising the follow-up motion');
      const motion = engine.merge(parent, {
        prompt,
        seed: req.seed ?? 0,
        ...(req.trimLeftFrames !== undefined ? { trimLeftFrames: req.trimLeftFrames } : {}),
        ...(req.trimRightFrames !== undefined ? { trimRightFrames: req.trimRightFrames } : {}),
        ...(req.blendSec !== undefined ? { blendSec: req.blendSec } : {}),
      });
      return { motions: [motion], report: promptReport(prompt, 'merge a follow-up motion') };
    }
    case 'loop': {
      const { reps } = req;
      onProgress(0.1, `closing the loop seam, ${reps} repetition${reps > 1 ? 's' : ''}`);
      const auto = req.autoWindow === true ? engine.autoLoop(parent) : null;
      const motion = engine.loop(auto ? auto.window : parent, {
        reps,
        ...(req.blendSec !== undefined ? { blendSec: req.blendSec } : {}),
        ...(req.rootFixMode !== undefined ? { rootFixMode: req.rootFixMode } : {}),
        ...(req.fixAltitude !== undefined ? { fixAltitude: req.fixAltitude } : {}),
        ...(req.fixHorizontal !== undefined ? { fixHorizontal: req.fixHorizontal } : {}),
        ...(req.fixOrientation !== undefined ? { fixOrientation: req.fixOrientation } : {}),
        ...(req.acrossEntireMotion !== undefined ? { acrossEntireMotion: req.acrossEntireMotion } : {}),
      });
      // The engine's loop closes the seam of the existing motion; it does not re-synthesise from a prompt.
      const prompt = req.prompt?.trim() ?? '';
      const ignored = prompt ? [`loop prompt "${prompt}" (the local engine loops the motion as it is)`] : [];
      const window = auto
        ? [`auto window ${auto.startSec.toFixed(2)}–${auto.endSec.toFixed(2)} s (seam error ${auto.seamErrorDeg.toFixed(1)}° → ${auto.closedSeamErrorDeg.toFixed(1)}°)`]
        : [];
      return { motions: [motion], report: { understood: [`loop ×${reps}`, ...window], ignored } };
    }
    case 'refine': {
      const { creativity, constraints } = req;
      const prompt = req.prompt?.trim() ? req.prompt : undefined;
      onProgress(0.1, `refining (creativity ${creativity.toFixed(2)})`);
      let motions = engine.refine(parent, { creativity, seed: req.seed ?? 0, variants: req.variants ?? 1, ...(prompt ? { prompt } : {}) });
      const report = promptReport(prompt, `refine, creativity ${creativity.toFixed(2)}`);
      // Refining must not undo what the user showed: the parent's constraints are solved again.
      if (constraints) {
        motions = motions.map((m) => engine.applyConstraints(m, constraints));
        report.understood.push('constraints kept from the parent take');
      }
      return { motions, report };
    }
    default:
      throw new EditInputError('unsupported_kind', `The local engine cannot run "${req.kind}" jobs.`);
  }
}
