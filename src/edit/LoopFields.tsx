/** Loop: repetitions, blend, how the root is fixed, and a look at the seam before submitting. */
import { useEdit } from './editStore.ts';
import type { RootFixMode } from './editForms.ts';
import type { FieldError } from './fieldError.ts';
import { CheckField, NumberField, PromptField, Segmented, SliderField, toNumber } from './formControls.tsx';
import { LoopWindowInfo } from './LoopWindowInfo.tsx';
import { SeamPreview } from './SeamPreview.tsx';

const ROOT_MODES: ReadonlyArray<{ value: RootFixMode; label: string; title: string }> = [
  { value: 'INTERPOLATION', label: 'Interpolate', title: 'Spread the correction smoothly over the motion' },
  { value: 'LOCKED', label: 'Lock', title: 'Pin the fixed axes to the start value' },
];

export function LoopFields({ error, clipUrl, take }: { error: FieldError; clipUrl: string | null; take: { jobId: string; variant: number } | null }) {
  const f = useEdit((s) => s.forms.loop);
  const patch = useEdit((s) => s.patchForm);
  return (
    <div className="space-y-3">
      {clipUrl && <SeamPreview url={clipUrl} form={f} />}
      <CheckField
        name="auto-window"
        label="Auto loop window"
        hint="Loop the stretch of the take whose end flows best into its start (pose and velocity), seam closed"
        checked={f.autoWindow}
        onChange={(v) => patch('loop', { autoWindow: v })}
      />
      {f.autoWindow && take && <LoopWindowInfo jobId={take.jobId} variant={take.variant} />}
      <div className="grid grid-cols-2 gap-2">
        <NumberField name="reps" label="Repetitions" min={1} max={50} value={f.reps} error={error.for('reps')} onChange={(v) => patch('loop', { reps: toNumber(v) })} />
        <SliderField
          name="loop-blend"
          label="Blend"
          min={0}
          max={1.5}
          step={0.05}
          value={f.blendSec}
          format={(v) => `${v.toFixed(2)} s`}
          error={error.for('blendSec')}
          onChange={(v) => patch('loop', { blendSec: v })}
        />
      </div>
      <Segmented name="root-mode" label="Root fix" value={f.rootFixMode} options={ROOT_MODES} onChange={(v) => patch('loop', { rootFixMode: v })} />
      <div className="grid grid-cols-3 gap-1.5">
        <CheckField
          name="fix-horizontal"
          label="Horizontal"
          hint="Return to the start position: loop in place"
          checked={f.fixHorizontal}
          onChange={(v) => patch('loop', { fixHorizontal: v })}
        />
        <CheckField name="fix-orientation" label="Orientation" hint="Keep facing the same way" checked={f.fixOrientation} onChange={(v) => patch('loop', { fixOrientation: v })} />
        <CheckField name="fix-altitude" label="Altitude" hint="Keep the root at the start height" checked={f.fixAltitude} onChange={(v) => patch('loop', { fixAltitude: v })} />
      </div>
      <CheckField
        name="across-entire"
        label="Fix across the whole motion (not just near the seam)"
        checked={f.acrossEntireMotion}
        onChange={(v) => patch('loop', { acrossEntireMotion: v })}
      />
      <PromptField
        name="loop-prompt"
        label={
          <>
            Prompt <span className="normal-case tracking-normal text-faint">optional</span>
          </>
        }
        placeholder="e.g. keep the arms relaxed"
        value={f.prompt}
        error={error.for('prompt')}
        onChange={(v) => patch('loop', { prompt: v })}
      />
    </div>
  );
}
