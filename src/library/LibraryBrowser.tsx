/**
 * A provider's action library: search (name, key or category, done by the server), category chips and a list to
 * tick actions in. Ticking order is clip order. Previews are honest about what they are:
 *  - Meshy's animated previews live on Meshy's CDN, which this studio's content policy does not load, so an entry
 *    shows its name, category and id;
 *  - a local action is a prompt for the engine: that prompt is its description, and "Try" makes the real clip
 *    on demand (a free one-action job on the chosen rig, played in the viewport when done).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LibraryEntry, ProviderId } from '../../server/contract/api.ts';
import { describeError } from '../api/client.ts';
import { libraryQuery } from '../api/queries.ts';
import { Spinner } from '../ui/Spinner.tsx';
import { actionDisplayName, categoriesOf, categoryLabel } from './libraryText.ts';
import { useDebouncedValue } from '../lib/useDebouncedValue.ts';

/** Rows drawn at once; Meshy's catalog has ~680 entries and a search or category narrows it. */
const MAX_ROWS = 150;

interface LibraryTry {
  /** Null when trying is possible, else why not (shown as the button's title). */
  blockedReason: string | null;
  onTry: (entry: LibraryEntry) => void;
}

interface Props {
  provider: ProviderId;
  search: string;
  category: string;
  onSearch: (search: string) => void;
  onCategory: (category: string) => void;
  selected: readonly number[];
  max: number;
  onToggle: (id: number) => void;
  /** Local engine only: make an action's clip on demand. */
  tryAction?: LibraryTry | undefined;
}

export function LibraryBrowser({ provider, search, category, onSearch, onCategory, selected, max, onToggle, tryAction }: Props) {
  const settled = useDebouncedValue(search.trim(), 250);
  const all = useQuery(libraryQuery(provider));
  const shown = useQuery({ ...libraryQuery(provider, { search: settled, category }), placeholderData: keepPreviousData });
  const categories = categoriesOf(all.data ?? []);
  const entries = shown.data ?? [];
  const full = selected.length >= max;

  return (
    <div className="space-y-2" data-testid="library-browser">
      <input
        type="search"
        data-testid="library-search"
        aria-label="Search actions"
        className="field-input"
        placeholder="Search actions: jump, wave, walk…"
        value={search}
        onChange={(e) => onSearch(e.target.value)}
      />
      <div role="group" aria-label="Categories" className="flex flex-wrap gap-1">
        {[{ name: '', count: all.data?.length ?? 0 }, ...categories].map((c) => {
          const on = c.name === category;
          return (
            <button
              key={c.name || 'all'}
              type="button"
              data-testid="library-category"
              data-category={c.name}
              aria-pressed={on}
              onClick={() => onCategory(c.name)}
              className={`rounded-full border px-2 py-0.5 text-[11px] transition-colors ${
                on ? 'border-accent bg-accent/15 text-fg' : 'border-line text-muted hover:border-line-strong hover:text-fg'
              }`}
            >
              {c.name ? categoryLabel(c.name) : 'All'}
              <span className="ml-1 font-mono text-[10px] text-faint">{c.count}</span>
            </button>
          );
        })}
      </div>
      {provider === 'meshy' && (
        <p className="text-[11px] leading-snug text-faint">
          Meshy’s animated previews are hosted on its CDN, which the studio does not load; each action is listed by name and category.
        </p>
      )}

      {shown.isPending ? (
        <div className="flex items-center gap-2 text-[12px] text-faint">
          <Spinner size={12} /> Loading the library…
        </div>
      ) : shown.isError ? (
        <p role="alert" data-testid="library-error" className="text-[12px] text-amber-200">
          Couldn’t load the action library: {describeError(shown.error)}{' '}
          <button type="button" className="underline" onClick={() => void shown.refetch()}>
            Retry
          </button>
        </p>
      ) : entries.length === 0 ? (
        <p data-testid="library-empty" className="rounded-md border border-dashed border-line px-2.5 py-2 text-[12px] text-faint">
          No action matches{settled ? ` “${settled}”` : ''}
          {category ? ` in ${categoryLabel(category)}` : ''}.
        </p>
      ) : (
        <ul aria-label="Actions" className={`max-h-72 space-y-1 overflow-y-auto pr-0.5 ${shown.isPlaceholderData ? 'opacity-60' : ''}`}>
          {entries.slice(0, MAX_ROWS).map((e) => {
            const order = selected.indexOf(e.id);
            const checked = order >= 0;
            return (
              <li
                key={e.id}
                data-testid="library-entry"
                data-action-id={e.id}
                className={`rounded-md border px-2 py-1.5 ${checked ? 'border-accent/60 bg-accent/[0.07]' : 'border-line bg-raised'}`}
              >
                <div className="flex items-center gap-2">
                  <label className="flex min-w-0 flex-1 cursor-pointer items-center gap-2">
                    <input
                      type="checkbox"
                      data-testid="library-entry-check"
                      className="accent-[var(--color-accent)]"
                      checked={checked}
                      disabled={!checked && full}
                      title={!checked && full ? `A job takes at most ${max} actions` : undefined}
                      onChange={() => onToggle(e.id)}
                    />
                    <span className="min-w-0">
                      <span className="block truncate text-[12px] text-fg" title={e.key}>
                        {actionDisplayName(e.name)}
                      </span>
                      <span className="block truncate text-[10px] text-faint">
                        {categoryLabel(e.category)} · {e.subCategory} · #{e.id}
                      </span>
                    </span>
                  </label>
                  {checked && <span className="shrink-0 font-mono text-[10px] text-accent">#{order + 1}</span>}
                  {tryAction && (
                    <button
                      type="button"
                      data-testid="library-try"
                      disabled={tryAction.blockedReason !== null}
                      title={tryAction.blockedReason ?? 'Make this action’s clip on the chosen rig (free, local) and play it'}
                      onClick={() => tryAction.onTry(e)}
                      className="shrink-0 rounded border border-line px-1.5 text-[11px] text-muted hover:border-line-strong hover:text-fg disabled:opacity-40"
                    >
                      Try
                    </button>
                  )}
                </div>
                {e.prompt && <p className="mt-0.5 truncate pl-5 text-[11px] text-muted italic">“{e.prompt}”</p>}
              </li>
            );
          })}
          {entries.length > MAX_ROWS && (
            <li className="px-1 py-1 text-[11px] text-faint">
              Showing {MAX_ROWS} of {entries.length}: search or pick a category to narrow the list.
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
