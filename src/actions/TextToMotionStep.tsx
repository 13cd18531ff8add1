/**
 * Step 3: a skeleton-only motion clip from text (up to 400 characters, 2–10 s in 0.5 s steps). On Meshy, "prime"
 * is the better model and makes FBX, "swift" is faster and cheaper and makes BVH; the clip plays on its own
 * skeleton and can then be put on a rig in step 2. The local engine has one model and makes GLB and BVH.
 */
import { useShallow } from 'zustand/react/shallow';
import type { ProviderInfo } from '../../server/contract/api.ts';
import { Button } from '../ui/Button.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { buildTextToMotionRequest, MOTION_MAX_PROMPT, MOTION_MAX_SEC, MOTION_MIN_SEC, MOTION_STEP_SEC } from './actionRequests.ts';
import type { MotionMode } from './actionRequests.ts';
import { useActions } from './actionsStore.ts';
import { CostLine } from './CostLine.tsx';
import { StepHeading } from './StepHeading.tsx';
import { SubmitError } from './SubmitError.tsx';
import { useSubmitActionJob } from './useSubmitActionJob.ts';

const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

const MODES: Array<{ mode: MotionMode; title: string; detail: string }> = [
  { mode: 'prime', title: 'Prime', detail: 'best quality · FBX' },
  { mode: 'swift', title: 'Swift', detail: 'faster, cheaper · BVH' },
];

export function TextToMotionStep({ provider }: { provider: ProviderInfo }) {
  const { prompt, duration, mode, set } = useActions(useShallow((s) => ({ prompt: s.motionPrompt, duration: s.motionDurationSec, mode: s.motionMode, set: s.set })));
  const make = useSubmitActionJob();
  const tooLong = prompt.length > MOTION_MAX_PROMPT;
  const blocked = prompt.trim() === '' ? 'Describe the motion first.' : tooLong ? `Keep the prompt under ${MOTION_MAX_PROMPT} characters.` : null;

  const submit = () => {
    if (blocked) return;
    make.submit(buildTextToMotionRequest({ provider: provider.id, prompt, durationSec: duration, mode }), (job) =>
      // The new clip becomes the one step 2 offers to put on the rig.
      set({ motionJobId: job.id }),
    );
  };

  return (
    <section className="space-y-2.5" data-testid="motion-step" aria-label="Text to motion">
      <StepHeading step={3} title="Text to motion" aside="skeleton-only clip" />
      <div>
        <div className="flex items-baseline justify-between">
          <label className="field-label" htmlFor="motion-prompt-input">
            Prompt
          </label>
          <span className={`font-mono text-[10px] tabular-nums ${tooLong ? 'text-red-300' : 'text-faint'}`}>
            {prompt.length}/{MOTION_MAX_PROMPT}
          </span>
        </div>
        <textarea
          id="motion-prompt-input"
          data-testid="motion-prompt-input"
          className="field-input min-h-[64px] resize-y leading-relaxed"
          rows={3}
          placeholder="“a person jumps over a puddle, then lands and looks back”"
          value={prompt}
          aria-invalid={tooLong ? true : undefined}
          onChange={(e) => {
            set({ motionPrompt: e.target.value });
            if (make.error) make.reset();
          }}
        />
      </div>
      <div>
        <label className="field-label flex justify-between" htmlFor="motion-duration-input">
          <span>Duration</span>
          <output htmlFor="motion-duration-input" data-testid="motion-duration-value" className="font-mono text-[11px] tracking-normal text-fg normal-case tabular-nums">
            {duration.toFixed(1)} s
          </output>
        </label>
        <input
          id="motion-duration-input"
          data-testid="motion-duration-input"
          type="range"
          className="w-full accent-[var(--color-accent)]"
          min={MOTION_MIN_SEC}
          max={MOTION_MAX_SEC}
          step={MOTION_STEP_SEC}
          value={duration}
          onChange={(e) => set({ motionDurationSec: Number(e.target.value) })}
          onKeyDown={(e) => {
            // The studio's playback shortcuts listen for arrows, Home and End on the window; on this slider those
            // keys must move the slider, not the playhead.
            if (SLIDER_KEYS.has(e.key)) e.stopPropagation();
          }}
        />
      </div>
      {provider.id === 'meshy' ? (
        <div role="radiogroup" aria-label="Model" className="grid grid-cols-2 gap-1.5">
          {MODES.map((m) => (
            <button
              key={m.mode}
              type="button"
              role="radio"
              aria-checked={mode === m.mode}
              data-testid={`motion-mode-${m.mode}`}
              onClick={() => set({ motionMode: m.mode })}
              className={`rounded-md border px-2 py-1.5 text-left transition-colors ${mode === m.mode ? 'border-accent bg-accent/10' : 'border-line bg-raised hover:border-line-strong'}`}
            >
              <span className="block text-[12px] font-medium text-fg">{m.title}</span>
              <span className="block text-[10px] text-muted">{m.detail}</span>
            </button>
          ))}
        </div>
      ) : (
        <p className="text-[11px] text-faint">The local engine makes the clip as GLB and BVH.</p>
      )}
      <div>
        <CostLine provider={provider.id} kind="textToMotion" mode={mode} testId="motion-cost" />
        <Button variant="primary" className="w-full" data-testid="motion-button" disabled={blocked !== null || make.isPending} title={blocked ?? undefined} onClick={submit}>
          {make.isPending ? <Spinner size={12} /> : null}
          Make the clip
        </Button>
        <SubmitError error={make.error} testId="motion-error" />
      </div>
    </section>
  );
}
