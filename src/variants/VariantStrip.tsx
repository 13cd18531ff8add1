/** One card per variant of the selected job; the selected one plays in the viewport. Keys 1–8 select too. */
import type { Job } from '../../server/contract/api.ts';
import { useEditor } from '../state/editorStore.ts';

interface Props {
  job: Job;
  selectedIndex: number | null;
  /** What a variant is, when its job says (rig: the character, then walk and run; one action per variant…). */
  labelOf?: ((index: number) => string | null) | null | undefined;
}

export function VariantStrip({ job, selectedIndex, labelOf }: Props) {
  const selectVariant = useEditor((s) => s.selectVariant);

  if (job.variants.length === 0) {
    const expected = typeof job.request.variants === 'number' ? job.request.variants : 1;
    if (job.status === 'queued' || job.status === 'running') {
      return (
        <ul className="grid grid-cols-4 gap-1.5" aria-label="Variants being generated">
          {Array.from({ length: Math.min(8, Math.max(1, expected)) }, (_, i) => (
            <li key={i} className="skeleton h-14 rounded-md" />
          ))}
        </ul>
      );
    }
    return <p className="text-[12px] text-faint">This job produced no variants.</p>;
  }

  return (
    <ul className="grid grid-cols-4 gap-1.5" aria-label="Variants">
      {job.variants.map((v) => {
        const selected = v.index === selectedIndex;
        const label = labelOf?.(v.index) ?? null;
        return (
          <li key={v.index}>
            <button
              type="button"
              data-testid="variant-card"
              data-variant={v.index}
              data-selected={selected}
              aria-pressed={selected}
              onClick={() => selectVariant(v.index)}
              title={`${label ? `${label} · ` : ''}Variant ${v.index} · ${v.durationSec.toFixed(2)} s (key ${v.index})`}
              className={`flex h-14 w-full flex-col items-start justify-between rounded-md border px-2 py-1.5 text-left transition-colors ${
                selected ? 'border-accent bg-accent/15 text-fg' : 'border-line bg-raised text-muted hover:border-line-strong hover:text-fg'
              }`}
            >
              {label ? (
                <span data-testid="variant-label" className="w-full truncate text-[10px] leading-tight font-medium opacity-80">
                  {label}
                </span>
              ) : (
                <span className="text-[10px] font-semibold tracking-wider uppercase opacity-70">Var</span>
              )}
              <span className="flex w-full items-baseline justify-between">
                <span className="text-[15px] leading-none font-semibold tabular-nums">{v.index}</span>
                <span className="font-mono text-[10px] tabular-nums opacity-70">{v.durationSec.toFixed(1)}s</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
