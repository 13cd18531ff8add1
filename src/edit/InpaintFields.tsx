/** Inpaint: the ranges drawn on the lane (each removable) and the prompt that replaces them. */
import { useStore } from 'zustand';
import { transport } from '../state/playhead.ts';
import { timeToFrame } from '../lib/timeMath.ts';
import { useEdit } from './editStore.ts';
import { PromptField } from './formControls.tsx';
import type { FieldError } from './fieldError.ts';
import { totalLength } from './ranges.ts';

export function InpaintFields({ error }: { error: FieldError }) {
  const ranges = useEdit((s) => s.ranges);
  const markIn = useEdit((s) => s.markIn);
  const prompt = useEdit((s) => s.forms.inpaint.prompt);
  const patch = useEdit((s) => s.patchForm);
  const removeRange = useEdit((s) => s.removeRange);
  const fps = useStore(transport, (s) => s.fps);
  const rangeError = error.for('intervals');

  return (
    <div className="space-y-3">
      <div>
        <div className="flex items-baseline justify-between">
          <span className="field-label">Ranges</span>
          {ranges.length > 0 && <span className="font-mono text-[10px] text-faint">{totalLength(ranges).toFixed(2)} s in total</span>}
        </div>
        {ranges.length === 0 ? (
          <p className="rounded-md border border-dashed border-line px-2.5 py-2 text-[12px] text-faint" data-testid="inpaint-no-ranges">
            Drag across the edit lane to choose what to regenerate, or press <b className="text-muted">I</b> and <b className="text-muted">O</b> at the playhead. Add several ranges
            to redo several moments.
            {markIn !== null && <span className="mt-1 block text-accent">In-point set at {markIn.toFixed(2)} s: press O to finish.</span>}
          </p>
        ) : (
          <ul className="space-y-1" aria-label="Ranges to inpaint">
            {ranges.map((r, i) => (
              <li
                key={`${r.start}-${r.end}`}
                data-testid="inpaint-range-row"
                className="flex items-center gap-2 rounded-md border border-line bg-raised px-2 py-1 font-mono text-[11px] tabular-nums"
              >
                <span className="size-2 rounded-sm bg-accent" aria-hidden />
                <span className="text-fg">
                  {r.start.toFixed(2)}–{r.end.toFixed(2)} s
                </span>
                <span className="text-faint">
                  f {timeToFrame(r.start, fps)}–{timeToFrame(r.end, fps)}
                </span>
                <button
                  type="button"
                  className="ml-auto rounded px-1 text-faint hover:bg-white/8 hover:text-fg"
                  aria-label={`Remove range ${i + 1}`}
                  onClick={() => removeRange(i)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {rangeError && (
          <p role="alert" data-testid="edit-field-error" className="mt-1 text-[11px] text-red-300">
            {rangeError}
          </p>
        )}
      </div>
      <PromptField
        name="inpaint-prompt"
        label="New motion for these ranges"
        placeholder="e.g. jumps in place"
        value={prompt}
        autoFocus
        error={error.for('prompt')}
        hint="The motion around each range is kept; the engine blends into and out of it."
        onChange={(v) => patch('inpaint', { prompt: v })}
      />
    </div>
  );
}
