/** Render to MP4 (where the provider can): backdrop, background colour, shadow, camera mode and angle. */
import { useEdit } from './editStore.ts';
import { BACKDROPS, backdropTakesShadow } from './editForms.ts';
import type { CamMode } from './editForms.ts';
import type { FieldError } from './fieldError.ts';
import { CheckField, Segmented, SliderField } from './formControls.tsx';

const CAM_MODES: ReadonlyArray<{ value: CamMode; label: string; title: string }> = [
  { value: 'cinematic', label: 'Cinematic', title: 'Follows the character, keeping it centred' },
  { value: 'fixed', label: 'Fixed', title: 'A still camera' },
  { value: 'face', label: 'Face', title: 'Close on the face' },
];

export function RenderFields({ error }: { error: FieldError }) {
  const f = useEdit((s) => s.forms.render);
  const patch = useEdit((s) => s.patchForm);
  const shadowOk = backdropTakesShadow(f.backdrop);
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-[1fr_auto] items-end gap-2">
        <div>
          <label className="field-label" htmlFor="edit-backdrop">
            Backdrop
          </label>
          <select id="edit-backdrop" data-testid="edit-backdrop" className="field-input" value={f.backdrop} onChange={(e) => patch('render', { backdrop: e.target.value })}>
            {BACKDROPS.map((b) => (
              <option key={b} value={b}>
                {b === 'studio' ? 'Studio (3-D)' : b.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className="field-label" htmlFor="edit-bg">
            Colour
          </label>
          <input
            id="edit-bg"
            data-testid="edit-bg"
            type="color"
            className="h-[30px] w-12 cursor-pointer rounded-md border border-line bg-sunken p-0.5"
            value={f.bgColor}
            onChange={(e) => patch('render', { bgColor: e.target.value })}
            title="Background colour (use pure green for a green screen)"
          />
        </div>
      </div>
      {error.for('backdrop') && <p className="text-[11px] text-red-300">{error.for('backdrop')}</p>}
      <CheckField
        name="shadow"
        label={shadowOk ? 'Cast a shadow' : 'Shadow (only on the 3-D studio backdrop)'}
        checked={shadowOk && f.shadow}
        onChange={(v) => patch('render', { shadow: v })}
      />
      <Segmented name="cam" label="Camera" value={f.camMode} options={CAM_MODES} onChange={(v) => patch('render', { camMode: v })} />
      <SliderField
        name="cam-angle"
        label="Camera angle"
        min={-90}
        max={90}
        step={5}
        value={f.camAngleDeg}
        format={(v) => `${v > 0 ? '+' : ''}${v}°`}
        ends={['−90° left', '+90° right']}
        error={error.for('camAngleDeg')}
        onChange={(v) => patch('render', { camAngleDeg: v })}
      />
    </div>
  );
}
