/** Variants, duration and the clean-up knobs (foot locking, pose filtering, physics filter, seed). */
import { FOOT_LOCKING, MAX_DURATION_SEC } from '../../server/contract/api.ts';
import type { FootLocking } from '../../server/contract/api.ts';
import type { KeyboardEvent } from 'react';
import { useEditor } from '../state/editorStore.ts';
import { DiceIcon } from '../ui/icons.tsx';
import type { ComposerFieldName } from '../state/composerFields.ts';
import { FieldError } from './FieldError.tsx';
import { decimalText, MAX_VARIANTS, wholeNumberText } from './composerLimits.ts';

/** Arrow keys step a text number field within its bounds, as a number input's would. */
function stepWithArrows(e: KeyboardEvent, text: string, min: number, max: number, step: number, apply: (v: string) => void) {
  if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
  e.preventDefault();
  const n = Number(text) || 0;
  apply(String(Math.min(max, Math.max(min, n + (e.key === 'ArrowUp' ? step : -step)))));
}

type Errors = Partial<Record<ComposerFieldName, string>>;

const FOOT_LOCKING_HINT: Record<FootLocking, string> = {
  auto: 'Lock feet during detected contacts',
  always: 'Lock whenever a foot is low: least sliding',
  never: 'Raw root height (swimming, flying)',
  grounding: 'Keep feet on the floor, no horizontal lock',
};

export function MotionOptionsFields({ errors, onEdit }: { errors: Errors; onEdit: (f: ComposerFieldName) => void }) {
  const c = useEditor((s) => s.composer);
  const setComposer = useEditor((s) => s.setComposer);
  const set = <K extends ComposerFieldName>(field: K, value: (typeof c)[K]) => {
    setComposer({ [field]: value });
    onEdit(field);
  };
  const invalid = (f: ComposerFieldName) => (errors[f] ? { 'aria-invalid': true, 'aria-describedby': `${f}-error` } : {});

  return (
    <div className="space-y-3">
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label className="field-label" htmlFor="variants-input">
            Variants
          </label>
          <input
            id="variants-input"
            data-testid="variants-input"
            className="field-input font-mono tabular-nums"
            type="text"
            inputMode="numeric"
            maxLength={1}
            title="1 to 8 variants"
            value={c.variants}
            onChange={(e) => set('variants', wholeNumberText(e.target.value))}
            onKeyDown={(e) => stepWithArrows(e, c.variants, 1, MAX_VARIANTS, 1, (v) => set('variants', v))}
            {...invalid('variants')}
          />
          <FieldError field="variants" message={errors.variants} />
        </div>
        <div>
          <label className="field-label" htmlFor="duration-input">
            Duration <span className="normal-case tracking-normal text-faint">s · 0 = auto</span>
          </label>
          <input
            id="duration-input"
            data-testid="duration-input"
            className="field-input font-mono tabular-nums"
            type="text"
            inputMode="decimal"
            title={`0 (automatic) to ${MAX_DURATION_SEC} seconds`}
            value={c.durationSec}
            onChange={(e) => set('durationSec', decimalText(e.target.value))}
            onKeyDown={(e) => stepWithArrows(e, c.durationSec, 0, MAX_DURATION_SEC, 0.5, (v) => set('durationSec', v))}
            {...invalid('durationSec')}
          />
          <FieldError field="durationSec" message={errors.durationSec} />
        </div>
      </div>

      <div>
        <label className="field-label" htmlFor="foot-locking-select">
          Foot locking
        </label>
        <select
          id="foot-locking-select"
          data-testid="foot-locking-select"
          className="field-input"
          value={c.footLocking}
          onChange={(e) => set('footLocking', e.target.value as FootLocking)}
          {...invalid('footLocking')}
        >
          {FOOT_LOCKING.map((m) => (
            <option key={m} value={m}>
              {m[0]!.toUpperCase() + m.slice(1)}
            </option>
          ))}
        </select>
        <p className="mt-1 text-[11px] text-faint">{FOOT_LOCKING_HINT[c.footLocking]}</p>
        <FieldError field="footLocking" message={errors.footLocking} />
      </div>

      <div>
        <div className="flex items-baseline justify-between">
          <label className="field-label" htmlFor="pose-filtering-input">
            Pose filtering
          </label>
          <span className="font-mono text-[11px] tabular-nums text-muted">{c.poseFiltering.toFixed(2)}</span>
        </div>
        <input
          id="pose-filtering-input"
          data-testid="pose-filtering-input"
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={c.poseFiltering}
          onChange={(e) => set('poseFiltering', Number(e.target.value))}
          className="h-4 w-full cursor-pointer accent-[var(--color-accent)]"
          {...invalid('poseFiltering')}
        />
        <div className="flex justify-between text-[10px] text-faint">
          <span>raw</span>
          <span>smooth</span>
        </div>
        <FieldError field="poseFiltering" message={errors.poseFiltering} />
      </div>

      <div className="grid grid-cols-2 items-start gap-2">
        <div>
          <span className="field-label" id="physics-label">
            Physics filter
          </span>
          <button
            type="button"
            role="switch"
            aria-checked={c.physicsFilter}
            aria-labelledby="physics-label"
            data-testid="physics-toggle"
            onClick={() => set('physicsFilter', !c.physicsFilter)}
            className="flex h-[30px] items-center gap-2 text-[12px] text-muted hover:text-fg"
          >
            <span className={`relative inline-block h-4 w-7 shrink-0 rounded-full transition-colors ${c.physicsFilter ? 'bg-accent' : 'bg-line-strong'}`}>
              <span className={`absolute top-0.5 left-0 size-3 rounded-full bg-white transition-transform ${c.physicsFilter ? 'translate-x-3.5' : 'translate-x-0.5'}`} />
            </span>
            {c.physicsFilter ? 'On' : 'Off'}
          </button>
          <FieldError field="physicsFilter" message={errors.physicsFilter} />
        </div>
        <div>
          <label className="field-label" htmlFor="seed-input">
            Seed <span className="normal-case tracking-normal text-faint">optional</span>
          </label>
          <div className="flex gap-1">
            <input
              id="seed-input"
              data-testid="seed-input"
              className="field-input min-w-0 font-mono tabular-nums"
              type="text"
              inputMode="numeric"
              placeholder="random"
              value={c.seed}
              onChange={(e) => set('seed', wholeNumberText(e.target.value))}
              {...invalid('seed')}
            />
            <button
              type="button"
              title="Random seed"
              aria-label="Random seed"
              onClick={() => set('seed', String(Math.floor(Math.random() * 1_000_000)))}
              className="grid w-8 shrink-0 place-items-center rounded-md border border-line text-muted hover:border-line-strong hover:text-fg"
            >
              <DiceIcon />
            </button>
          </div>
          <FieldError field="seed" message={errors.seed} />
        </div>
      </div>
    </div>
  );
}
