/** Rerun: the same prompt with changed options. Pre-filled from the job; an empty seed means a fresh one. */
import { FOOT_LOCKING } from '../../server/contract/api.ts';
import type { FootLocking } from '../../server/contract/api.ts';
import { useEdit } from './editStore.ts';
import type { FieldError } from './fieldError.ts';
import { CheckField, NumberField, SliderField } from './formControls.tsx';

export function RerunFields({ error }: { error: FieldError }) {
  const f = useEdit((s) => s.forms.rerun);
  const patch = useEdit((s) => s.patchForm);
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-3 gap-2">
        <NumberField name="rerun-variants" label="Takes" min={1} max={8} value={f.variants} error={error.for('variants')} onChange={(v) => patch('rerun', { variants: v })} />
        <NumberField
          name="rerun-duration"
          label="Length"
          unit="s"
          min={0}
          step={0.5}
          value={f.durationSec}
          error={error.for('durationSec')}
          onChange={(v) => patch('rerun', { durationSec: v })}
        />
        <NumberField name="rerun-seed" label="Seed" min={0} value={f.seed} error={error.for('seed')} onChange={(v) => patch('rerun', { seed: v })} />
      </div>
      <div>
        <label className="field-label" htmlFor="edit-rerun-foot">
          Foot locking
        </label>
        <select id="edit-rerun-foot" className="field-input" value={f.footLocking} onChange={(e) => patch('rerun', { footLocking: e.target.value as FootLocking })}>
          {FOOT_LOCKING.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </div>
      <SliderField
        name="rerun-pose"
        label="Pose filtering"
        min={0}
        max={1}
        step={0.05}
        value={f.poseFiltering}
        format={(v) => v.toFixed(2)}
        error={error.for('poseFiltering')}
        onChange={(v) => patch('rerun', { poseFiltering: v })}
      />
      <CheckField name="rerun-physics" label="Physics filter" checked={f.physicsFilter} onChange={(v) => patch('rerun', { physicsFilter: v })} />
      <p className="text-[11px] text-faint">Leave the seed empty for a new take; the job’s own seed reproduces it exactly.</p>
    </div>
  );
}
