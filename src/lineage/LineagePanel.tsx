/**
 * History of the selected take: every edit is a job made from one variant of its parent, so the family is a
 * tree. Clicking a node previews it (selects it); "A/B" compares the selected take against that node.
 */
import type { CSSProperties } from 'react';
import type { Job } from '../../server/contract/api.ts';
import { useCancelJob } from '../state/jobMutations.ts';
import { useStageView } from '../state/stageView.ts';
import { isActive } from '../lib/jobText.ts';
import { useSelectedJob } from '../state/useSelectedJob.ts';
import { useEditor } from '../state/editorStore.ts';
import { Spinner } from '../ui/Spinner.tsx';
import { nodeSummary } from './nodeSummary.ts';
import { useLineage } from './useLineage.ts';

const KIND_TONE: Record<string, string> = {
  text2motion: 'bg-sky-400/15 text-sky-200',
  inpaint: 'bg-accent/20 text-accent',
  merge: 'bg-violet-400/20 text-violet-200',
  loop: 'bg-amber-400/15 text-amber-200',
  refine: 'bg-emerald-400/15 text-emerald-200',
  rerun: 'bg-slate-400/20 text-slate-200',
  render: 'bg-pink-400/15 text-pink-200',
};

const STATUS_DOT: Record<Job['status'], string> = {
  queued: 'bg-slate-400 animate-pulse',
  running: 'bg-sky-400 animate-pulse',
  succeeded: 'bg-emerald-400',
  failed: 'bg-red-400',
  canceled: 'bg-neutral-500',
};

const INDENT = 14;

export function LineagePanel() {
  const { job: selected } = useSelectedJob();
  const { rows, loadingAncestor } = useLineage(selected);
  const selectJob = useEditor((s) => s.selectJob);
  const compareAgainst = useStageView((s) => s.compareAgainst);
  const cancel = useCancelJob();

  return (
    <section data-testid="lineage-panel" aria-labelledby="lineage-title" className="border-b border-line px-3 py-3">
      <header className="mb-2 flex items-center justify-between">
        <h2 id="lineage-title" className="panel-title">
          Lineage
        </h2>
        <span className="flex items-center gap-1 text-[11px] text-faint">
          {loadingAncestor && <Spinner size={10} />}
          {rows.length > 1 ? `${rows.length} jobs` : ''}
        </span>
      </header>
      {rows.length === 0 ? (
        <p className="text-[12px] text-faint">Select a job to see how it was made and what was made from it.</p>
      ) : (
        <ol role="tree" aria-label="Edit history" className="space-y-px">
          {rows.map((r) => {
            const j = r.job;
            const isSelected = j.id === selected?.id;
            const compareVariant = selected && j.id === selected.parentJobId && selected.parentVariant ? selected.parentVariant : 1;
            const style: CSSProperties = { paddingLeft: r.depth * INDENT };
            return (
              <li
                key={j.id}
                role="treeitem"
                aria-selected={isSelected}
                aria-level={r.depth + 1}
                data-testid="lineage-node"
                data-job-id={j.id}
                data-kind={j.kind}
                data-depth={r.depth}
                data-parent-id={j.parentJobId ?? ''}
                data-parent-variant={j.parentVariant ?? ''}
                className="group relative"
                style={style}
              >
                {/* connectors: a vertical guide for each open ancestor level, and an elbow into this node */}
                {r.guides.map((open, level) =>
                  open ? <span key={level} aria-hidden className="absolute inset-y-0 w-px bg-line-strong" style={{ left: (level + 1) * INDENT - INDENT / 2 }} /> : null,
                )}
                {r.depth > 0 && (
                  <>
                    <span
                      aria-hidden
                      className={`absolute top-0 w-px ${r.onPath ? 'bg-accent/60' : 'bg-line-strong'} ${r.last ? 'h-3.5' : 'h-full'}`}
                      style={{ left: r.depth * INDENT - INDENT / 2 }}
                    />
                    <span
                      aria-hidden
                      className={`absolute top-3.5 h-px ${r.onPath ? 'bg-accent/60' : 'bg-line-strong'}`}
                      style={{ left: r.depth * INDENT - INDENT / 2, width: INDENT / 2 }}
                    />
                  </>
                )}
                <div
                  className={`flex cursor-pointer items-center gap-1.5 rounded-md border px-1.5 py-1 ${
                    isSelected ? 'border-accent/60 bg-accent/[0.09]' : 'border-transparent hover:border-line hover:bg-raised'
                  }`}
                  onClick={() => selectJob(j.id)}
                  title={`${j.kind} · ${j.id}${j.parentJobId ? ` · from ${j.parentJobId} v${j.parentVariant}` : ''}`}
                >
                  <span aria-hidden className={`size-1.5 shrink-0 rounded-full ${STATUS_DOT[j.status]}`} />
                  <span className={`shrink-0 rounded px-1 py-px text-[10px] font-semibold ${KIND_TONE[j.kind] ?? 'bg-white/10 text-muted'}`}>{j.kind}</span>
                  {j.parentVariant !== null && <span className="shrink-0 font-mono text-[10px] text-faint">v{j.parentVariant}→</span>}
                  <span className={`min-w-0 flex-1 truncate text-[12px] ${r.onPath ? 'text-fg' : 'text-muted'}`}>{nodeSummary(j)}</span>
                  {isActive(j) ? (
                    <>
                      <span className="font-mono text-[10px] text-sky-300">{Math.round(j.progress)}%</span>
                      <button
                        type="button"
                        aria-label={`Cancel ${j.kind} job`}
                        title="Cancel this job"
                        className="rounded px-1 text-[11px] text-red-300 hover:bg-red-500/15"
                        onClick={(e) => {
                          e.stopPropagation();
                          cancel.mutate(j.id);
                        }}
                      >
                        ×
                      </button>
                    </>
                  ) : (
                    <span className="shrink-0 font-mono text-[10px] text-faint">{j.variants.length > 0 ? `${j.variants.length}v` : ''}</span>
                  )}
                  {!isSelected && selected && j.status === 'succeeded' && selected.status === 'succeeded' && (
                    <button
                      type="button"
                      data-testid="lineage-compare"
                      title="A/B compare the selected take against this one"
                      className="hidden shrink-0 rounded border border-line px-1 text-[10px] text-muted group-hover:block hover:border-accent hover:text-fg"
                      onClick={(e) => {
                        e.stopPropagation();
                        compareAgainst({ jobId: j.id, variant: compareVariant });
                      }}
                    >
                      A/B
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
