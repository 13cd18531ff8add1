/** A job card's star and its "⋯" menu: rename, move to a collection, delete. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import type { Job } from '../../server/contract/api.ts';
import { MAX_JOB_TITLE_CHARS } from '../../server/contract/jobLibrary.ts';
import { collectionsQuery } from '../api/queries.ts';
import { MoreIcon, StarIcon } from '../ui/icons.tsx';
import { useDeleteJobPrompt } from './deleteJobStore.ts';
import { useUpdateJob } from './jobLibraryMutations.ts';
import { jobPrompt } from '../lib/jobText.ts';

const stop = (e: MouseEvent) => e.stopPropagation();

export function StarButton({ job }: { job: Job }) {
  const update = useUpdateJob();
  return (
    <button
      type="button"
      data-testid="job-star"
      aria-pressed={job.starred}
      title={job.starred ? 'Unstar' : 'Star this take'}
      aria-label={job.starred ? 'Unstar' : 'Star this take'}
      onClick={(e) => {
        stop(e);
        update.mutate({ id: job.id, patch: { starred: !job.starred } });
      }}
      className={`grid size-5 place-items-center rounded transition-opacity ${
        job.starred ? 'text-amber-300' : 'text-faint opacity-0 group-hover:opacity-100 group-focus-within:opacity-100 group-aria-[current=true]:opacity-100 hover:text-fg'
      }`}
    >
      <StarIcon filled={job.starred} width={13} height={13} />
    </button>
  );
}

export function RenameField({ job, onDone }: { job: Job; onDone: () => void }) {
  const update = useUpdateJob();
  const [value, setValue] = useState(job.title ?? jobPrompt(job));
  const save = () => {
    const title = value.trim();
    // Saving the prompt unchanged is not a label: keep showing the prompt.
    const next = title === '' || title === jobPrompt(job) ? null : title;
    if (next !== job.title) update.mutate({ id: job.id, patch: { title: next } });
    onDone();
  };
  return (
    <input
      autoFocus
      data-testid="job-rename-input"
      aria-label="Job label (empty shows the prompt)"
      maxLength={MAX_JOB_TITLE_CHARS}
      value={value}
      onClick={stop}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') save();
        if (e.key === 'Escape') onDone();
      }}
      onBlur={save}
      className="mt-1.5 h-7 w-full rounded border border-accent bg-sunken px-1.5 text-[13px] text-fg outline-none"
    />
  );
}

export function JobCardMenu({ job, onRename }: { job: Job; onRename: () => void }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const update = useUpdateJob();
  const ask = useDeleteJobPrompt((s) => s.ask);
  const collections = useQuery({ ...collectionsQuery(), enabled: open });

  useEffect(() => {
    if (!open) return;
    const onDown = (e: globalThis.MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const item = 'block w-full rounded px-2 py-1 text-left text-[12px] hover:bg-white/8';
  return (
    <div ref={ref} className="relative" onClick={stop}>
      <button
        type="button"
        data-testid="job-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="Job actions"
        title="Rename, collection, delete"
        onClick={() => setOpen((o) => !o)}
        className="grid size-5 place-items-center rounded text-faint hover:bg-white/8 hover:text-fg"
      >
        <MoreIcon width={14} height={14} />
      </button>
      {open && (
        <div role="menu" className="absolute top-6 right-0 z-20 w-52 rounded-md border border-line bg-raised p-1 shadow-xl shadow-black/50">
          <button
            type="button"
            role="menuitem"
            data-testid="job-rename"
            className={item}
            onClick={() => {
              setOpen(false);
              onRename();
            }}
          >
            Rename…
          </button>
          <label className="block px-2 pt-1.5 pb-1 text-[10px] font-medium tracking-wide text-faint uppercase">
            Collection
            <select
              data-testid="job-collection-select"
              value={job.collectionId ?? ''}
              onChange={(e) => {
                update.mutate({ id: job.id, patch: { collectionId: e.target.value || null } });
                setOpen(false);
              }}
              className="mt-0.5 block h-7 w-full rounded border border-line bg-sunken px-1 text-[12px] font-normal tracking-normal text-fg normal-case"
            >
              <option value="">None</option>
              {collections.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <div className="my-1 border-t border-line" />
          <button
            type="button"
            role="menuitem"
            data-testid="job-delete"
            className={`${item} text-red-300`}
            onClick={() => {
              setOpen(false);
              ask(job);
            }}
          >
            Delete…
          </button>
        </div>
      )}
    </div>
  );
}
