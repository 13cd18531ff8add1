/** Merge: what comes next, how much of each side to trim (also draggable on the lane) and the blend length. */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { transport } from '../state/playhead.ts';
import { lastFrame } from '../lib/timeMath.ts';
import { useEdit } from './editStore.ts';
import type { FieldError } from './fieldError.ts';
import { NumberField, PromptField, SliderField, toNumber } from './formControls.tsx';

export function MergeFields({ error }: { error: FieldError }) {
  const f = useEdit((s) => s.forms.merge);
  const patch = useEdit((s) => s.patchForm);
  const { fps, duration } = useStore(
    transport,
    useShallow((s) => ({ fps: s.fps, duration: s.duration })),
  );
  const frames = lastFrame(duration, fps);
  const sec = (n: number) => (Number.isFinite(n) && fps > 0 ? `${(n / fps).toFixed(2)} s` : '');

  return (
    <div className="space-y-3">
      <PromptField
        name="merge-prompt"
        label="Then…"
        placeholder="e.g. sits down on the floor"
        value={f.prompt}
        autoFocus
        error={error.for('prompt')}
        hint="Generated to continue from the last kept frame of this take."
        onChange={(v) => patch('merge', { prompt: v })}
      />
      <div className="grid grid-cols-2 gap-2">
        <NumberField
          name="trimLeftFrames"
          label="Trim end"
          unit="frames"
          min={0}
          max={Math.max(0, frames - 1)}
          value={f.trimLeftFrames}
          error={error.for('trimLeftFrames')}
          hint={`Cut from this take’s end · ${sec(f.trimLeftFrames)}`}
          onChange={(v) => patch('merge', { trimLeftFrames: toNumber(v) })}
        />
        <NumberField
          name="trimRightFrames"
          label="Trim start"
          unit="frames"
          min={0}
          value={f.trimRightFrames}
          error={error.for('trimRightFrames')}
          hint={`Cut from the new part’s start · ${sec(f.trimRightFrames)}`}
          onChange={(v) => patch('merge', { trimRightFrames: toNumber(v) })}
        />
      </div>
      <SliderField
        name="merge-blend"
        label="Blend"
        min={0}
        max={2}
        step={0.05}
        value={f.blendSec}
        format={(v) => `${v.toFixed(2)} s`}
        ends={['hard cut', '2 s cross-fade']}
        error={error.for('blendSec')}
        onChange={(v) => patch('merge', { blendSec: v })}
      />
      <p className="text-[11px] text-faint">Drag the orange handles on the lane to trim; the shaded overlap is the blend.</p>
    </div>
  );
}
