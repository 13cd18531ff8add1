/**
 * Above the stage: how to look at the selection (one take, all variants, A/B against the parent) and a
 * shareable link to exactly this view. The URL already holds the state; "Copy link" just hands it over.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useHelp } from '../help/index.ts';
import { useSelectedJob, useSelectedVariant } from '../state/useSelectedJob.ts';
import { localFiles, useLocalFiles } from '../dropzone/index.ts';
import { Kbd } from '../ui/Kbd.tsx';
import { useStageView } from '../state/stageView.ts';
import type { StageView } from '../state/viewParams.ts';

function Tab({ active, onClick, children, testId, title }: { active: boolean; onClick: () => void; children: ReactNode; testId: string; title: string }) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={active}
      data-testid={testId}
      title={title}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={`flex h-6 items-center gap-1.5 rounded px-2 text-[11px] font-medium transition-colors ${
        active ? 'bg-white/10 text-fg' : 'text-muted hover:bg-white/5 hover:text-fg'
      }`}
    >
      {children}
    </button>
  );
}

export function StageBar() {
  const localFile = useLocalFiles((s) => s.file);
  const { job } = useSelectedJob();
  const variant = useSelectedVariant(job);
  const { view, against, setView, compareAgainst } = useStageView();
  const [copied, setCopied] = useState(false);
  const compare = view === 'split' || view === 'toggle';
  const go = (v: StageView) => setView(view === v ? 'single' : v);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard refused (insecure origin, permissions): the address bar holds the same link.
      window.prompt('Copy this link', window.location.href);
    }
  };

  if (localFile) {
    return (
      <div data-testid="stage-bar" data-mode="file" className="flex h-9 shrink-0 items-center gap-2 border-b border-line bg-panel px-2 text-[12px]">
        <span className="rounded bg-amber-400/15 px-1.5 py-0.5 text-[11px] font-medium text-amber-200">
          {localFile.origin === 'character' ? 'Character preview' : 'Dropped file'}
        </span>
        <span className="min-w-0 truncate font-medium text-fg" data-testid="stage-file-name" title={localFile.name}>
          {localFile.name}
        </span>
        <span className="hidden text-faint xl:inline">preview only, not a take yet</span>
        <button
          type="button"
          onClick={() => localFiles.close()}
          className="ml-auto h-6 shrink-0 rounded border border-line px-2 text-[11px] text-muted hover:border-line-strong hover:text-fg"
        >
          Back to job
        </button>
      </div>
    );
  }

  return (
    <div data-testid="stage-bar" className="flex h-9 shrink-0 items-center gap-2 border-b border-line bg-panel px-2">
      <div role="tablist" aria-label="Stage view" className="flex items-center gap-0.5">
        <Tab testId="view-single" active={view === 'single'} onClick={() => setView('single')} title="One take in the viewport">
          Take
        </Tab>
        <Tab testId="view-grid" active={view === 'grid'} onClick={() => go('grid')} title="All variants side by side, in sync (G)">
          Variants
          {job && job.variants.length > 0 && <span className="font-mono text-[10px] text-faint">{job.variants.length}</span>}
        </Tab>
        <Tab testId="view-compare" active={compare} onClick={() => setView(compare ? 'single' : 'split')} title="Compare this take with the one it was made from (C)">
          A/B
        </Tab>
      </div>

      {compare && (
        <div className="flex items-center gap-0.5 border-l border-line pl-2" role="tablist" aria-label="Compare layout">
          <Tab testId="compare-split" active={view === 'split'} onClick={() => setView('split')} title="Side by side (V)">
            Split
          </Tab>
          <Tab testId="compare-toggle" active={view === 'toggle'} onClick={() => setView('toggle')} title="Swap in place; B flips (V)">
            Toggle
          </Tab>
          {against && (
            <span className="ml-1 flex items-center gap-1 rounded bg-amber-400/10 px-1.5 py-0.5 font-mono text-[10px] text-amber-200">
              A = {against.jobId.slice(0, 12)}… v{against.variant}
              <button type="button" aria-label="Compare with the parent again" className="hover:text-fg" onClick={() => compareAgainst(null)}>
                ×
              </button>
            </span>
          )}
        </div>
      )}

      <div className="ml-auto flex min-w-0 items-center gap-2 text-[11px] text-faint">
        {job && (
          <span className="hidden truncate font-mono lg:inline" title={job.id}>
            {job.kind} · {job.id} {variant ? `· v${variant.index}` : ''}
          </span>
        )}
        <button
          type="button"
          data-testid="copy-link"
          onClick={() => void copy()}
          title="Copy a link that reopens the studio on this job, variant and view"
          className="h-6 shrink-0 rounded border border-line px-2 text-[11px] text-muted hover:border-line-strong hover:text-fg"
        >
          {copied ? 'Link copied' : 'Copy link'}
        </button>
        <button
          type="button"
          data-testid="help-button"
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
          onClick={() => useHelp.getState().setOpen(true)}
          className="hidden items-center xl:flex"
        >
          <Kbd>?</Kbd>
        </button>
      </div>
    </div>
  );
}
