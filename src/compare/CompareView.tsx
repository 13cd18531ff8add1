/**
 * A/B compare: A is the take an edit started from (its parent), B the selected take. Split shows both side by
 * side; toggle shows one at a time in the same place (flip with B) — the eye catches differences better when
 * the picture swaps in place. Either way both sample one playhead, so they are always at the same moment.
 */
import { nodeSummary } from '../lineage/index.ts';
import { LazyClipGrid } from '../viewport/index.ts';
import { StageMessage } from './StageMessage.tsx';
import { useStageView } from '../state/stageView.ts';
import { useCompareTakes } from './useCompareTakes.ts';
import type { Take } from './useCompareTakes.ts';

function label(side: 'A' | 'B', t: Take, parent: boolean): string {
  const what = side === 'A' ? (parent ? 'parent' : 'reference') : 'this take';
  const summary = nodeSummary(t.job);
  return `${side} · ${what} · ${t.job.kind} v${t.variant.index} · ${summary.length > 26 ? `${summary.slice(0, 25)}…` : summary}`;
}

export function CompareView() {
  const takes = useCompareTakes();
  const view = useStageView((s) => s.view);
  const show = useStageView((s) => s.show);
  const flip = useStageView((s) => s.flip);

  if (!takes.ok) return <StageMessage pending={takes.pending}>{takes.reason}</StageMessage>;
  const a = { key: 'a', url: takes.a.url, label: label('A', takes.a, takes.aIsParent) };
  const b = { key: 'b', url: takes.b.url, label: label('B', takes.b, false) };

  if (view === 'toggle') {
    const current = show === 'parent' ? a : b;
    return (
      <div className="relative h-full" data-testid="compare-view" data-mode="toggle" data-showing={show === 'parent' ? 'a' : 'b'}>
        {/* One cell whose take swaps in place at the same moment (the grid keeps the playhead time). */}
        <LazyClipGrid clips={[{ ...current, key: `ab-${current.key}` }]} />
        <button
          type="button"
          data-testid="ab-flip"
          onClick={flip}
          title="Flip A/B (B)"
          className="absolute top-2 right-2 z-10 flex items-center gap-1 rounded-lg border border-line-strong bg-panel/90 p-1 text-[12px] font-semibold backdrop-blur"
        >
          <span className={`rounded px-2 py-0.5 ${show === 'parent' ? 'bg-amber-400/25 text-amber-200' : 'text-faint'}`}>A</span>
          <span className={`rounded px-2 py-0.5 ${show === 'child' ? 'bg-accent/25 text-accent' : 'text-faint'}`}>B</span>
        </button>
      </div>
    );
  }
  return (
    <div className="h-full" data-testid="compare-view" data-mode="split">
      <LazyClipGrid clips={[a, b]} columns={2} />
    </div>
  );
}
