/**
 * Small labelled controls the edit dialogs share. Each shows the server's message when its `name` is the field
 * a 4xx named (error.field's first segment), so "reps: must be at least 1" lands on the reps input.
 */
import type { ReactNode } from 'react';
import { RadioOptions } from '../ui/RadioOptions.tsx';
import type { RadioOption } from '../ui/RadioOptions.tsx';

export interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
}

function Label({ htmlFor, children, aside }: { htmlFor: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between">
      <label className="field-label" htmlFor={htmlFor}>
        {children}
      </label>
      {aside}
    </div>
  );
}

function Hint({ error, hint, id }: { error?: string | null | undefined; hint?: ReactNode; id: string }) {
  if (error) {
    return (
      <p id={id} role="alert" data-testid="edit-field-error" className="mt-1 text-[11px] leading-snug text-red-300">
        {error}
      </p>
    );
  }
  return hint ? <p className="mt-1 text-[11px] leading-snug text-faint">{hint}</p> : null;
}

export function PromptField(p: FieldProps & { value: string; onChange: (v: string) => void; placeholder: string; rows?: number; autoFocus?: boolean }) {
  const id = `edit-${p.name}`;
  return (
    <div>
      <Label htmlFor={id}>{p.label}</Label>
      <textarea
        id={id}
        data-testid={id}
        className="field-input resize-y leading-snug"
        rows={p.rows ?? 2}
        value={p.value}
        placeholder={p.placeholder}
        autoFocus={p.autoFocus}
        aria-invalid={p.error ? true : undefined}
        onChange={(e) => p.onChange(e.target.value)}
      />
      <Hint error={p.error} hint={p.hint} id={`${id}-hint`} />
    </div>
  );
}

export function NumberField(p: FieldProps & { value: number | string; onChange: (v: string) => void; min?: number; max?: number; step?: number; unit?: string }) {
  const id = `edit-${p.name}`;
  return (
    <div>
      <Label htmlFor={id}>
        {p.label}
        {p.unit && <span className="ml-1 normal-case tracking-normal text-faint">{p.unit}</span>}
      </Label>
      <input
        id={id}
        data-testid={id}
        className="field-input font-mono tabular-nums"
        type="number"
        inputMode="decimal"
        min={p.min}
        max={p.max}
        step={p.step ?? 1}
        value={p.value}
        aria-invalid={p.error ? true : undefined}
        onChange={(e) => p.onChange(e.target.value)}
      />
      <Hint error={p.error} hint={p.hint} id={`${id}-hint`} />
    </div>
  );
}

export function SliderField(
  p: FieldProps & { value: number; onChange: (v: number) => void; min: number; max: number; step: number; format: (v: number) => string; ends?: [string, string] },
) {
  const id = `edit-${p.name}`;
  return (
    <div>
      <Label htmlFor={id} aside={<span className="font-mono text-[11px] text-fg tabular-nums">{p.format(p.value)}</span>}>
        {p.label}
      </Label>
      <input
        id={id}
        data-testid={id}
        type="range"
        className="w-full accent-[var(--color-accent)]"
        min={p.min}
        max={p.max}
        step={p.step}
        value={p.value}
        aria-invalid={p.error ? true : undefined}
        onChange={(e) => p.onChange(Number(e.target.value))}
      />
      {p.ends && (
        <div className="flex justify-between text-[10px] text-faint">
          <span>{p.ends[0]}</span>
          <span>{p.ends[1]}</span>
        </div>
      )}
      <Hint error={p.error} hint={p.hint} id={`${id}-hint`} />
    </div>
  );
}

export function CheckField({ name, label, checked, onChange, hint }: { name: string; label: ReactNode; checked: boolean; onChange: (v: boolean) => void; hint?: string }) {
  return (
    <label className="flex cursor-pointer items-start gap-2 text-[12px] text-muted hover:text-fg" title={hint}>
      <input type="checkbox" data-testid={`edit-${name}`} className="mt-0.5 accent-[var(--color-accent)]" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export function Segmented<T extends string>({
  name,
  label,
  value,
  options,
  onChange,
}: {
  name: string;
  label: ReactNode;
  value: T;
  options: ReadonlyArray<RadioOption<T>>;
  onChange: (v: T) => void;
}) {
  return (
    <div role="radiogroup" aria-label={typeof label === 'string' ? label : name}>
      <span className="field-label">{label}</span>
      <div className="flex rounded-md border border-line bg-sunken p-0.5">
        <RadioOptions
          value={value}
          options={options}
          onChange={onChange}
          testIdPrefix={`edit-${name}`}
          buttonClass={(selected) => `h-6 flex-1 rounded px-2 text-[11px] font-medium transition-colors ${selected ? 'bg-accent/20 text-accent' : 'text-muted hover:text-fg'}`}
        />
      </div>
    </div>
  );
}

/** "12" → 12, "" → 0, "abc" → NaN (kept, so the server explains). */
export function toNumber(text: string): number {
  return text.trim() === '' ? 0 : Number(text);
}
