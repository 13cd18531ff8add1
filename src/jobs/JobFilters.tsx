/** Search, filters and the collection picker above the job list. Every value narrows GET /api/jobs. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { JOB_KINDS, JOB_STATUSES, PROVIDER_IDS } from '../../server/contract/api.ts';
import { MAX_SEARCH_CHARS } from '../../server/contract/jobLibrary.ts';
import { charactersQuery } from '../api/queries.ts';
import { SearchIcon, StarIcon, XIcon } from '../ui/icons.tsx';
import { CollectionBar } from './CollectionBar.tsx';
import { useJobFilter } from '../state/jobFilterStore.ts';

const SEARCH_DELAY_MS = 250;
const PROVIDER_LABEL: Record<string, string> = { local: 'Local engine', saymotion: 'SayMotion', meshy: 'Meshy' };

function FilterSelect(props: { id: string; label: string; value: string | undefined; options: Array<[string, string]>; onChange: (v: string) => void }) {
  return (
    <label className="flex min-w-0 flex-col gap-0.5 text-[10px] font-medium tracking-wide text-faint uppercase">
      {props.label}
      <select
        data-testid={`job-filter-${props.id}`}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value)}
        className="h-7 min-w-0 rounded-md border border-line bg-sunken px-1.5 text-[12px] font-normal tracking-normal text-fg normal-case outline-none hover:border-line-strong focus:border-accent"
      >
        <option value="">Any</option>
        {props.options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

export function JobFilters() {
  const filter = useJobFilter((s) => s.filter);
  const setFilter = useJobFilter((s) => s.setFilter);
  const clear = useJobFilter((s) => s.clear);
  const characters = useQuery(charactersQuery('local'));
  const [text, setText] = useState(filter.q ?? '');
  const [open, setOpen] = useState(false);

  // Search as you type, but one request per pause, not per key.
  useEffect(() => {
    const t = setTimeout(() => setFilter({ q: text.trim() || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [text, setFilter]);
  useEffect(() => {
    if (!filter.q) setText((t) => (t.trim() ? '' : t));
  }, [filter.q]);

  const active = [filter.status, filter.kind, filter.provider, filter.character].filter(Boolean).length;
  const starred = filter.starred === 'true';

  return (
    <div className="space-y-1.5 px-3 pb-2">
      <CollectionBar />
      <div className="flex items-center gap-1">
        <div className="relative min-w-0 flex-1">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2 -translate-y-1/2 text-faint" width={13} height={13} />
          <input
            type="search"
            data-testid="job-search"
            aria-label="Search jobs by prompt or label"
            placeholder="Search jobs"
            maxLength={MAX_SEARCH_CHARS}
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="h-7 w-full rounded-md border border-line bg-sunken pr-2 pl-7 text-[12px] text-fg outline-none placeholder:text-faint hover:border-line-strong focus:border-accent"
          />
        </div>
        <button
          type="button"
          data-testid="job-filter-starred"
          aria-pressed={starred}
          title={starred ? 'Show all jobs' : 'Show starred jobs only'}
          onClick={() => setFilter({ starred: starred ? undefined : 'true' })}
          className={`grid size-7 shrink-0 place-items-center rounded-md border ${starred ? 'border-amber-400/50 text-amber-300' : 'border-line text-muted hover:text-fg'}`}
        >
          <StarIcon filled={starred} />
        </button>
        <button
          type="button"
          data-testid="job-filters-toggle"
          aria-expanded={open}
          aria-controls="job-filter-panel"
          onClick={() => setOpen((o) => !o)}
          className={`h-7 shrink-0 rounded-md border px-2 text-[11px] ${active ? 'border-accent/60 text-accent' : 'border-line text-muted hover:text-fg'}`}
        >
          Filters{active ? ` · ${active}` : ''}
        </button>
      </div>
      {open && (
        <div id="job-filter-panel" className="grid grid-cols-2 gap-1.5">
          <FilterSelect id="status" label="Status" value={filter.status} options={JOB_STATUSES.map((s) => [s, s])} onChange={(v) => setFilter({ status: v })} />
          <FilterSelect id="kind" label="Kind" value={filter.kind} options={JOB_KINDS.map((k) => [k, k])} onChange={(v) => setFilter({ kind: v })} />
          <FilterSelect
            id="provider"
            label="Provider"
            value={filter.provider}
            options={PROVIDER_IDS.map((p) => [p, PROVIDER_LABEL[p] ?? p])}
            onChange={(v) => setFilter({ provider: v })}
          />
          <FilterSelect
            id="character"
            label="Character"
            value={filter.character}
            options={(characters.data ?? []).map((c) => [c.id, c.name])}
            onChange={(v) => setFilter({ character: v })}
          />
        </div>
      )}
      {(active > 0 || starred || filter.q) && (
        <button
          type="button"
          data-testid="job-filters-clear"
          onClick={() => {
            setText('');
            clear();
          }}
          className="flex items-center gap-1 text-[11px] text-muted hover:text-fg"
        >
          <XIcon width={11} height={11} /> Clear search and filters
        </button>
      )}
    </div>
  );
}
