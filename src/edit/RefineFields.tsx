/** Refine: new takes near this one. Creativity decides how far they may stray; a prompt can steer them. */
import { useEdit } from './editStore.ts';
import type { FieldError } from './fieldError.ts';
import { NumberField, PromptField, SliderField, toNumber } from './formControls.tsx';

export function RefineFields({ error }: { error: FieldError }) {
  const f = useEdit((s) => s.forms.refine);
  const patch = useEdit((s) => s.patchForm);
  return (
    <div className="space-y-3">
      <SliderField
        name="creativity"
        label="Creativity"
        min={0}
        max={1}
        step={0.05}
        value={f.creativity}
        format={(v) => v.toFixed(2)}
        ends={['close to this take', 'free to reinterpret']}
        error={error.for('creativity')}
        onChange={(v) => patch('refine', { creativity: v })}
      />
      <PromptField
        name="refine-prompt"
        label={
          <>
            Steer with a prompt <span className="normal-case tracking-normal text-faint">optional</span>
          </>
        }
        placeholder="e.g. more energetic, bigger arm swings"
        value={f.prompt}
        error={error.for('prompt')}
        onChange={(v) => patch('refine', { prompt: v })}
      />
      <NumberField
        name="refine-variants"
        label="Takes"
        min={1}
        max={8}
        value={f.variants}
        error={error.for('variants')}
        onChange={(v) => patch('refine', { variants: toNumber(v) })}
      />
    </div>
  );
}
