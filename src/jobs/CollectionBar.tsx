/**
 * Collections (named groups of jobs, like projects): pick one to list only its jobs, create, rename or delete
 * one. Deleting a collection keeps its jobs.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { MAX_COLLECTION_NAME_CHARS, NO_COLLECTION } from '../../server/contract/jobLibrary.ts';
import { describeError } from '../api/client.ts';
import { collectionsQuery } from '../api/queries.ts';
import { useCollectionMutations } from './jobLibraryMutations.ts';
import { useJobFilter } from '../state/jobFilterStore.ts';

type Mode = { kind: 'idle' } | { kind: 'create' } | { kind: 'rename'; id: string };

export function CollectionBar() {
  const collections = useQuery(collectionsQuery());
  const selected = useJobFilter((s) => s.filter.collection);
  const setFilter = useJobFilter((s) => s.setFilter);
  const { create, rename, remove } = useCollectionMutations();
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [name, setName] = useState('');
  const current = collections.data?.find((c) => c.id === selected);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    if (mode.kind === 'rename') rename.mutate({ id: mode.id, name: trimmed }, { onSuccess: () => setMode({ kind: 'idle' }) });
    else
      create.mutate(trimmed, {
        onSuccess: (col) => {
          setMode({ kind: 'idle' });
          setFilter({ collection: col.id });
        },
      });
  };

  if (mode.kind !== 'idle') {
    const error = mode.kind === 'create' ? create.error : rename.error;
    return (
      <form onSubmit={submit} className="space-y-1" data-testid="collection-form">
        <div className="flex gap-1">
          <input
            autoFocus
            data-testid="collection-name"
            aria-label="Collection name"
            placeholder="Collection name, e.g. Boss fight"
            maxLength={MAX_COLLECTION_NAME_CHARS}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setMode({ kind: 'idle' })}
            className="h-7 min-w-0 flex-1 rounded-md border border-line bg-sunken px-2 text-[12px] outline-none focus:border-accent"
          />
          <button
            type="submit"
            data-testid="collection-save"
            disabled={!name.trim()}
            className="h-7 rounded-md bg-accent px-2 text-[11px] font-medium text-white disabled:opacity-40"
          >
            {mode.kind === 'create' ? 'Create' : 'Rename'}
          </button>
          <button type="button" onClick={() => setMode({ kind: 'idle' })} className="h-7 px-1.5 text-[11px] text-muted hover:text-fg">
            Cancel
          </button>
        </div>
        {error ? (
          <p role="alert" className="text-[11px] text-red-300">
            {describeError(error)}
          </p>
        ) : null}
      </form>
    );
  }

  return (
    <div className="flex items-center gap-1">
      <select
        data-testid="collection-select"
        aria-label="Collection"
        value={selected ?? ''}
        onChange={(e) => setFilter({ collection: e.target.value || undefined })}
        className="h-7 min-w-0 flex-1 rounded-md border border-line bg-sunken px-1.5 text-[12px] text-fg outline-none hover:border-line-strong focus:border-accent"
      >
        <option value="">All jobs</option>
        <option value={NO_COLLECTION}>Not in a collection</option>
        {collections.data?.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.jobCount})
          </option>
        ))}
      </select>
      <button
        type="button"
        data-testid="collection-new"
        title="New collection"
        onClick={() => {
          setName('');
          create.reset();
          setMode({ kind: 'create' });
        }}
        className="h-7 shrink-0 rounded-md border border-line px-2 text-[11px] text-muted hover:text-fg"
      >
        + New
      </button>
      {current && (
        <>
          <button
            type="button"
            data-testid="collection-rename"
            title={`Rename “${current.name}”`}
            onClick={() => {
              setName(current.name);
              rename.reset();
              setMode({ kind: 'rename', id: current.id });
            }}
            className="h-7 shrink-0 rounded-md border border-line px-2 text-[11px] text-muted hover:text-fg"
          >
            Rename
          </button>
          <button
            type="button"
            data-testid="collection-delete"
            title={`Delete “${current.name}” (its jobs stay)`}
            onClick={() => {
              if (!window.confirm(`Delete the collection “${current.name}”? Its ${current.jobCount} job(s) stay in your job list.`)) return;
              remove.mutate(current.id, { onSuccess: () => setFilter({ collection: undefined }) });
            }}
            className="h-7 shrink-0 rounded-md border border-red-500/30 px-2 text-[11px] text-red-300 hover:bg-red-500/10"
          >
            Delete
          </button>
        </>
      )}
    </div>
  );
}
